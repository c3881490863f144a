@definitions
Feature: What headphones and headsets are
  Whether a device is headphones or a headset follows from its microphone; what each is for
  follows from its kind (rules/definitions.toml).

  @source-kania
  Scenario: A gaming headset comes with an attached boom microphone
    Given a device with a boom microphone
    And the user plays online games
    When I consult the expert
    Then the device is a headset with certainty at least 0.8
    And the explanation quotes "come with an attached boom microphone"

  @source-kania
  Scenario: The same facts, stated as on the command line
    Given the device's mic is "boom"
    And the user's uses are "online-gaming,calls"
    When I consult the expert
    Then device.kind is "headset" with certainty 1.0
    And the explanation quotes "come with an attached boom microphone"
    And device.suited_for is "gaming, calls"

  @source-digimigia
  Scenario Outline: Devices that include a microphone are called headsets
    Given a device with <microphone>
    When I consult the expert
    Then the device is a headset with certainty 1.0
    And the explanation quotes "devices that include a microphone are called headsets, not just headphones"

    Examples:
      | microphone           |
      | a boom microphone    |
      | a built-in microphone |

  @source-difference-wiki
  Scenario Outline: Difference Wiki defines a headset, again and again, as headphones with a microphone
    Given a device with a built-in microphone
    When I consult the expert
    Then the device is a headset
    And the explanation quotes "<definition>"

    Examples:
      | definition                                                                                              |
      | Includes speakers and a microphone.                                                                      |
      | Headset is a combination of headphones with a built-in microphone.                                       |
      | An audio device combining headphones and a microphone.                                                   |
      | A headset includes a microphone for speaking, unlike headphones.                                         |
      | A headphone or pair of headphones, usually equipped with a microphone.                                  |
      | A pair of headphones or earphones, or a singular headphone or earphone, typically with an attached microphone. |

  Scenario Outline: A device that consists only of speakers is headphones
    Given a device with no microphone
    When I consult the expert
    Then the device is headphones with certainty 1.0
    And the explanation quotes "<definition>"

    @source-difference-wiki
    Examples: Difference Wiki
      | definition                                                                       |
      | Consists only of speakers.                                                        |
      | A cushioned speaker placed on, over, or inside the ear, normally used in left/right pairs. |
      | A device with two speakers worn on or around the ears for audio.                  |

    @source-difference-between
    Examples: Difference Between
      | definition                                                                   |
      | Headphones are a pair of speakers that are worn over the ears to listen to audio. |

  @source-difference-between
  Scenario: A headset has a built-in microphone for speaking with others
    Given a device with a built-in microphone
    When I consult the expert
    Then the device is a headset
    And the explanation quotes "headsets also have a built-in microphone for speaking with others"

  @source-kania
  Scenario: Kania's exception: smartphone earbuds with an in-line mic are headphones
    Given device.mic is inline
    When I consult the expert
    Then device.kind is headphones with certainty 1.0
    And there is no conflict on device.kind
    And device.kind cites kania
    And how device.kind mentions "A more accurate statement would be that only headsets have quality microphones."

  @explanation @source-kania @source-digimigia @source-difference-wiki
  Scenario: How an in-line-mic device was decided: the rules that a microphone makes a headset are defeated
    Given device.mic is inline
    When I consult the expert
    Then how device.kind mentions "defeated: rule definitions.mic-means-headset"
    And how device.kind mentions "defeated: rule definitions.headphones-with-mic-is-headset"
    And how device.kind mentions "by definitions.inline-mic-still-headphones"
    And why device.kind is not headset mentions "was defeated by definitions.inline-mic-still-headphones, an exception to it"

  @conflict @source-difference-between
  Scenario: Headphones may or may not have a built-in microphone
    Given a device with a built-in microphone
    When I consult the expert
    Then the articles disagree on the device
    And one side says headphones, quoting "They may or may not have a built-in microphone."
    And the other side says headset, quoting "headsets also have a built-in microphone for speaking with others"
    And headset wins with certainty 1.0

  @source-digimigia
  Scenario: An add-on microphone does not make the device a headset
    Given a device with an external microphone
    When I consult the expert
    Then nothing is concluded about the device

  Scenario Outline: Headphones are for listening only; headsets for listening and communicating
    Given a device with <microphone>
    When I consult the expert
    Then the device's communication is <communication>
    And the explanation quotes "<words>"

    @source-difference-between
    Examples: Difference Between
      | microphone        | communication | words                                                   |
      | no microphone     | one-way       | headphones are designed solely for listening to audio   |
      | no microphone     | one-way       | headphones do not have a built-in microphone and are not designed for use as a headset |
      | no microphone     | one-way       | While headphones are solely for listening to audio      |
      | a boom microphone | two-way       | headsets are designed for both listening and communicating |
      | a boom microphone | two-way       | headsets are designed for both listening to audio and communicating with others |

    @source-difference-wiki
    Examples: Difference Wiki
      | microphone        | communication | words                                                                 |
      | no microphone     | one-way       | Headphones are audio devices worn on the ears for listening to sound. |
      | no microphone     | one-way       | Headphones are primarily used for listening to audio.                 |
      | a boom microphone | two-way       | making them suitable for two-way communication                        |
      | a boom microphone | two-way       | headsets are optimized for communication                              |

  Scenario Outline: Headphones with a microphone talk as well as listen
    Given device.mic is <mic>
    When I consult the expert
    Then device.communication is two-way
    And there is no conflict on device.communication
    And device.communication cites <source>

    @source-difference-wiki
    Examples: Difference Wiki
      | mic     | source          |
      | builtin | difference-wiki |
      | inline  | difference-wiki |

    @source-kania
    Examples: Kania
      | mic    | source |
      | inline | kania  |

  Scenario Outline: What headphones are suited for
    Given a device with no microphone
    When I consult the expert
    Then the device is suited for <uses> with certainty at least <certainty>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses                  | certainty | words                                                                           |
      | music, movies         | 1.0       | Headphones focus on delivering high-quality sound for music and audio listening |

    @source-difference-between
    Examples: Difference Between
      | uses                                        | certainty | words                                                                 |
      | personal-audio, music, podcasts, audiobooks | 0.8       | Headphones are typically used for personal listening to music, podcasts, audiobooks |

  @source-difference-wiki
  Scenario: An example of jogging with headphones is a note, not a verdict that they suit sports
    Given device.mic is none
    When I consult the expert
    Then device.suited_for does not include sports
    And a note on headphones.uses says sports
    And the notes quote "She wore her headphones while jogging to listen to music."

  @source-difference-between
  Scenario: Some headphones have a built-in microphone: a note on the class
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.features says built-in-mic
    And the notes quote "They may or may not have a built-in microphone."

  Scenario Outline: What headsets are suited for
    Given a device with a boom microphone
    When I consult the expert
    Then the device is suited for <uses> with certainty at least <certainty>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses                             | certainty | words                                                                 |
      | two-way-communication            | 1.0       | making them suitable for two-way communication                        |

    @source-difference-between
    Examples: Difference Between
      | uses                                           | certainty | words                                                       |
      | two-way-communication                          | 1.0       | headsets are designed for both listening and communicating |

  Scenario Outline: What people often use headsets for is a note on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.<attribute> says <values>
    And the notes quote "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | attribute | values                                        | words                                                                     |
      | uses      | gaming, online-gaming, conferencing, call-center | often used in gaming, teleconferencing, and customer service environments |
      | uses      | call-center                                   | He wore a headset for his customer service job to talk to clients.        |
      | models    | office                                        | there are headsets specifically designed for office use                   |

    @source-difference-between
    Examples: Difference Between
      | attribute | values                     | words                                                                   |
      | uses      | calls, gaming, conferencing | Headsets are commonly used for voice calls, gaming, video conferencing |

  @source-difference-wiki
  Scenario: The word headset has other meanings too
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.meanings says bicycle-bearings
    And the notes quote "(cycling) On a bicycle, the system of bearings that connects the fork to the frame."

  @source-difference-between
  Scenario: Headphones and headsets are audio equipment for listening or communicating
    Given device.mic is none
    When I consult the expert
    Then a note on audio_devices.purpose says listening and communicating
    And the notes quote "2 different types of audio equipment"

  @explanation @source-difference-wiki
  Scenario: Why is a device with a boom microphone not headphones?
    Given a device with a boom microphone
    When I ask why the device is not headphones
    Then the answer is that it was not concluded
    And the rule quoting "Consists only of speakers." did not fire because the device's mic is boom

  @explanation @source-difference-between
  Scenario: Why is a device with a built-in microphone not headphones? That claim is outweighed
    Given a device with a built-in microphone
    When I ask why the device is not headphones
    Then the answer is that it was outweighed
    And the rule quoting "They may or may not have a built-in microphone." fired for it

  @explanation @source-kania @source-digimigia
  Scenario: How the expert decided that a device with a boom microphone is a headset
    Given a device with a boom microphone
    When I ask how the expert concluded the device
    Then the answer quotes "come with an attached boom microphone"
    And the answer quotes "devices that include a microphone are called headsets"
    And the answer cites "Bobby Kania"
    And the answer rests on my statement that the device's mic is boom

  @explanation @source-kania
  Scenario: What if the headphones had a boom microphone?
    Given a device with no microphone
    When I ask what would change if the device had a boom microphone
    Then the device changes from headphones to headset
    And the change is explained by the rule quoting "come with an attached boom microphone"
    And the device's sound quality changes from high to mid-range
    And the change is explained by the rule quoting "a top-performing headset will only deliver the quality of a mid-range level of headphones"
    And the expert now also concludes the device's microphone quality is good
    And the change is explained by the rule quoting "This results in a richer level of sound in terms of output."
