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
    And there is no conflict on device.mic_quality

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

    @source-difference-between
    Examples: Difference Between
      | words                                                                    |
      | enhance the quality of sound for both the user and the person on the other end |

  @source-kania
  Scenario: Headsets can have cheap, flimsy or high-end mics: a note, so a budget headset's mic is good
    Given device.mic is boom
    And device.tier is budget
    When I consult the expert
    Then device.mic_quality is good with certainty 1.0
    And there is no conflict on device.mic_quality
    And a note on headsets.mics says cheap, flimsy and high-end
    And the notes quote "Headsets can have cheap, flimsy, or high-end mics with many control settings."

  @source-kania
  Scenario: Kania's headsets have great microphones, usually: not definite, since some have cheap ones
    Given device.mic is builtin
    When I consult the expert
    Then device.mic_quality is good
    And how device.mic_quality mentions "microphone.headsets-great-mic-quality (rule certainty 0.80"

  @source-kania
  Scenario: A built-in microphone makes a headset outright: what headphones' microphones are is not drawn on
    Given a device with a built-in microphone
    When I consult the expert
    Then the device's microphone quality is good
    And there is no conflict on device.mic_quality
    And why device.mic_quality is not poor mentions "A more accurate statement would be that only headsets have quality microphones."

  @source-difference-wiki
  Scenario: Many headsets reduce background noise for the microphone: a note on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.features says voice-clarity and mic-noise-reduction
    And the notes quote "often designed with functionalities like voice clarity and noise reduction for the microphone"
    And the notes quote "May offer features like noise reduction for the microphone."
    And the notes quote "Many headsets have features that reduce or cancel background noise."

  @source-difference-wiki
  Scenario: Noise reduction makes calls clearer in noisy areas
    Given a device with a boom microphone
    And the device has a noise-reducing microphone
    When I consult the expert
    Then the device's microphone noise rejection is good with certainty 0.4
    And the explanation quotes "His headset had noise reduction, making calls clearer in noisy areas."

  @source-difference-between
  Scenario: Headphones can be used as a headset by attaching an external microphone: it talks; how useful that is, can
    Given a device with a clip-on microphone
    When I consult the expert
    Then the device's communication is two-way with certainty 1.0
    And the explanation quotes "some headphones can be used as a headset by attaching an external microphone"
    And the device is suited for calls and online-gaming with certainty 0.4
    And the explanation quotes "This can be useful if you want to use your headphones for voice calls or online gaming."

  @source-difference-between
  Scenario: Headphones with an add-on microphone: below a dedicated headset, not poor
    Given device.type is headphones
    And a device with an external microphone
    When I consult the expert
    Then the device's microphone quality is fair with certainty 0.4
    And there is no conflict on device.mic_quality
    And the explanation quotes "may not provide the sound quality as a dedicated headset"
    And device.communication is two-way with certainty 1.0

  @source-kania
  Scenario: Headphones with a boom microphone: kania's "only headsets have quality microphones" is said of built-in and in-line mics
    Given device.type is headphones
    And a device with a boom microphone
    When I consult the expert
    Then the device's microphone quality is good with certainty 1.0
    And there is no conflict on device.mic_quality
    And the explanation quotes "This results in a richer level of sound in terms of output."

  @source-kania
  Scenario: A boom microphone makes calls, even on a device said to be headphones
    Given device.type is headphones
    And a device with a boom microphone
    When I consult the expert
    Then device.communication is two-way with certainty 1.0
    And device.communication cites kania
    And the device is suited for calls with certainty 1.0
    And the explanation quotes "ones used in office or call center settings, come with an attached boom microphone"

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
    Then the recommended features include external-mic and clip-on-mic with certainty 0.4
    And the recommended features include boom-mic with certainty at least 0.4
    And the explanation quotes "One example is a clip-on microphone or a boom microphone."

    Examples:
      | talks             |
      | makes calls       |
      | plays online games |

  @source-difference-between
  Scenario: If you frequently communicate, consider a dedicated headset with a built-in microphone
    Given needs.talk_frequency is frequent
    When I consult the expert
    Then recommendation.advice includes consider-dedicated-headset with certainty 0.4
    And recommendation.kind is headset
    And recommendation.features includes built-in-mic
    And how recommendation.advice mentions "If you frequently need to communicate with others online or on the phone"

  @source-difference-between
  Scenario: Someone who owns headphones and cares about the microphone: a makeshift headset may not sound as good
    Given needs.owns is headphones
    And needs.priorities includes mic-quality
    When I consult the expert
    Then recommendation.advice includes consider-dedicated-headset
    And how recommendation.advice mentions "may not provide the sound quality as a dedicated headset"

  @source-difference-between
  Scenario: Someone told to add a microphone is told how to make it work, and what to avoid
    Given needs.owns is headphones
    And needs.uses includes calls
    When I consult the expert
    Then recommendation.features includes external-mic
    And recommendation.advice includes check-mic-compatibility, get-adapters and position-mic
    And recommendation.avoid includes low-quality-external-mic
    And how recommendation.avoid mentions "a low-quality external microphone or one that is not positioned correctly"

  @source-difference-between
  Scenario: Someone who owns headphones only to listen is not told to add a microphone
    Given the user already owns headphones
    And the user listens to music
    When I consult the expert
    Then the recommended features do not include clip-on-mic
    And the advice does not include consider-dedicated-headset

  @source-kania
  Scenario: Someone who wants a good microphone should get a headset with a boom mic, not an in-line one
    Given needs.priorities includes mic-quality
    When I consult the expert
    Then recommendation.kind is headset with certainty 1.0
    And recommendation.features includes boom-mic with certainty 1.0
    And recommendation.avoid includes inline-mic with certainty 1.0
    And recommendation.avoid cites kania
    And how recommendation.kind mentions "only headsets have quality microphones"

  @source-difference-wiki
  Scenario: Someone who wants a good microphone should look for microphone noise reduction
    Given needs.priorities includes mic-quality
    When I consult the expert
    Then recommendation.features includes mic-noise-reduction with certainty at least 0.6
    And how recommendation.features mentions "voice clarity and noise reduction for the microphone"

  @source-kania
  Scenario Outline: Online games, offices and call centres ask more of a mic than an in-line one gives
    Given needs.uses includes <use>
    When I consult the expert
    Then recommendation.avoid includes inline-mic with certainty 1.0
    And recommendation.features includes boom-mic with certainty <sure>
    And how recommendation.avoid mentions "only designed to be strong enough for things like phone calls and voice-activated commands"

    Examples:
      | use           | sure |
      | online-gaming | 1.0  |
      | office        | 1.0  |
      | call-center   | 0.84 |

  @source-kania
  Scenario: A gamer told to get headphones is not told to look for a headset's boom mic
    Given the user plays games
    And the user listens to music
    And the user cares most about sound quality
    And the user has a budget of $150
    When I consult the expert
    Then the expert recommends headphones with certainty 1.0
    And the recommended features do not include boom-mic
    And the explanation quotes "If you're a "nothing but the best" kind of shopper, headphones are the ones for you."

  @source-kania
  Scenario: Recording asks more of a mic than an in-line one gives: avoid it, look for a boom mic
    Given needs.uses includes recording
    When I consult the expert
    Then recommendation.avoid includes inline-mic with certainty 1.0
    And how recommendation.avoid mentions "only designed to be strong enough for things like phone calls and voice-activated commands"
    And recommendation.features includes boom-mic with certainty 1.0
    And how recommendation.features mentions "This results in a richer level of sound in terms of output."

  @source-kania
  Scenario: A gamer should look for a boom microphone
    Given needs.uses includes gaming
    When I consult the expert
    Then recommendation.features includes boom-mic
    And recommendation.avoid is not concluded

  @source-kania
  Scenario Outline: For calls and voice commands an in-line mic is strong enough
    Given needs.uses includes <use>
    When I consult the expert
    Then recommendation.features includes inline-mic with certainty 0.4
    And how recommendation.features mentions "strong enough for things like phone calls and voice-activated commands"

    Examples:
      | use            |
      | calls          |
      | voice-commands |

  @source-difference-wiki
  Scenario: For phone calls, a built-in microphone
    Given needs.uses includes calls
    When I consult the expert
    Then recommendation.features includes built-in-mic with certainty 1.0
    And how recommendation.features mentions "Yes, if they include a built-in microphone."

  @source-difference-wiki
  Scenario Outline: Calls in a noisy place: a microphone that reduces background noise
    Given needs.uses includes <use>
    And needs.environment is noisy
    When I consult the expert
    Then recommendation.features includes mic-noise-reduction with certainty at least 0.6
    And how recommendation.features mentions "making calls clearer in noisy areas"

    Examples:
      | use          |
      | calls        |
      | conferencing |
      | voip         |

  @source-kania
  Scenario: An in-line mic is for phone calls: the device talks as well as listens
    Given device.mic is inline
    When I consult the expert
    Then device.communication is two-way with certainty 1.0
    And device.communication cites kania
