@microphone
Feature: Microphones
  How good a device's microphone is, noise reduction, and using headphones with an add-on
  microphone (rules/microphone.toml).

  @source-kania
  Scenario: In-line mics leave much to be desired
    Given a device with an in-line microphone
    When I consult the expert
    Then the device's microphone quality is poor with certainty 1.0
    And the explanation quotes "these mics leave much to be desired regarding sound quality"
    And the device's microphone noise rejection is poor with certainty 1.0
    And the explanation quotes "Not only are they poor at external noise cancellation"

  @source-kania
  Scenario: In-line mics are only strong enough for phone calls and voice commands
    Given a device with an in-line microphone
    When I consult the expert
    Then the device is suited for calls and voice-commands with certainty 1.0
    And the explanation quotes "they’re only designed to be strong enough for things like phone calls and voice-activated commands"

  @source-kania
  Scenario: Only headsets have quality microphones
    Given a device with an in-line microphone
    When I consult the expert
    Then the device's microphone quality is poor
    And the explanation quotes "only headsets have quality microphones"
    And the explanation quotes "Headphones tend to deliver higher input sound quality, but their microphones could be better."

  Scenario Outline: A boom microphone gives headsets great microphone quality
    Given a device with a boom microphone
    When I consult the expert
    Then the device's microphone quality is good with certainty 1.0
    And the explanation quotes "<words>"

    @source-kania
    Examples: Kania
      | words                                                                 |
      | This results in a richer level of sound in terms of output.           |
      | Meanwhile, headsets have great microphone quality                     |
      | headsets tend to be focused more on microphone quality                |

    @source-difference-wiki
    Examples: Difference Wiki
      | words                                                                              |
      | often designed with functionalities like voice clarity and noise reduction for the microphone |

    @source-difference-between
    Examples: Difference Between
      | words                                                                    |
      | enhance the quality of sound for both the user and the person on the other end |

  @conflict @source-kania
  Scenario: Headsets can have cheap, flimsy mics, but a budget headset's mic is still judged good
    Given a device with a boom microphone
    And the device is a budget model
    When I consult the expert
    Then the articles disagree on the device's microphone quality
    And one side says poor, quoting "Headsets can have cheap, flimsy, or high-end mics with many control settings."
    And the other side says good, quoting "Meanwhile, headsets have great microphone quality"
    And good wins with certainty 1.0

  @conflict @source-kania
  Scenario: A built-in microphone: only headsets have quality microphones, yet it makes a headset
    Given a device with a built-in microphone
    When I consult the expert
    Then the articles disagree on the device's microphone quality
    And one side says poor, quoting "only headsets have quality microphones"
    And the other side says good, quoting "Meanwhile, headsets have great microphone quality"
    And good wins

  @source-difference-wiki
  Scenario: Many headsets reduce background noise for the microphone
    Given a device with a boom microphone
    When I consult the expert
    Then the device's features include mic-noise-reduction with certainty at least 0.8
    And the explanation quotes "May offer features like noise reduction for the microphone."
    And the explanation quotes "Many headsets have features that reduce or cancel background noise."

  @source-difference-wiki
  Scenario: Noise reduction makes calls clearer in noisy areas
    Given a device with a boom microphone
    And the device has a noise-reducing microphone
    When I consult the expert
    Then the device's microphone noise rejection is good with certainty 0.4
    And the explanation quotes "His headset had noise reduction, making calls clearer in noisy areas."

  @source-difference-between
  Scenario: Headphones can be used as a headset by attaching an external microphone
    Given a device with a clip-on microphone
    When I consult the expert
    Then the device's communication is two-way with certainty 0.4
    And the explanation quotes "some headphones can be used as a headset by attaching an external microphone"
    And the device is suited for calls and online-gaming with certainty 0.4
    And the explanation quotes "This can be useful if you want to use your headphones for voice calls or online gaming."

  @source-difference-between
  Scenario: A makeshift headset may not sound as good as a dedicated one
    Given a device with an external microphone
    When I consult the expert
    Then the device's microphone quality is fair with certainty 0.4
    And the explanation quotes "using headphones as a headset may not provide the sound quality as a dedicated headset"

  @source-difference-between
  Scenario Outline: Advice for a makeshift headset
    Given a device with an external microphone
    When I consult the expert
    Then the advice includes <advice> with certainty 1.0
    And the explanation quotes "<words>"

    Examples:
      | advice                  | words                                                                       |
      | check-mic-compatibility | make sure that the external microphone you use is compatible with your headphones |
      | get-adapters            | You should have the necessary adapters or cables to connect the microphone to your device. |
      | position-mic            | important to position the microphone properly to ensure that your voice is picked up clearly |

  @source-difference-between
  Scenario Outline: Someone who owns headphones and wants to talk can attach a clip-on or boom microphone
    Given the user already owns headphones
    And the user <talks>
    When I consult the expert
    Then the recommended features include external-mic, clip-on-mic and boom-mic with certainty 0.4
    And the explanation quotes "One example is a clip-on microphone or a boom microphone."

    Examples:
      | talks             |
      | makes calls       |
      | plays online games |

  @source-difference-between
  Scenario Outline: If you frequently communicate, consider a dedicated headset with a built-in microphone
    Given the user already owns headphones
    And the user <talks>
    When I consult the expert
    Then the advice includes consider-dedicated-headset with certainty 0.4
    And the explanation quotes "you may want to consider investing in a dedicated headset with a built-in microphone"
    And the recommended features include built-in-mic
    And the explanation quotes "a dedicated headset with a built-in microphone for optimal sound quality and clarity"

    Examples:
      | talks                   |
      | makes calls             |
      | plays online games      |
      | makes VoIP calls        |
      | joins video conferences |

  @source-difference-between
  Scenario: Someone who owns headphones only to listen is not told to add a microphone
    Given the user already owns headphones
    And the user listens to music
    When I consult the expert
    Then the recommended features do not include clip-on-mic
    And the advice does not include consider-dedicated-headset
