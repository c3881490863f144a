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
      | an in-line microphone |
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

  @conflict @source-kania @source-digimigia
  Scenario: Kania still calls smartphone earbuds with an in-line mic headphones; the others call them headsets
    Given a device with an in-line microphone
    When I consult the expert
    Then the articles disagree on the device
    And one side says headphones, quoting "They have what are called “in-line mics” that are built into their cables."
    And the other side says headset, quoting "devices that include a microphone are called headsets"
    And headset wins with certainty 1.0

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
      | a boom microphone | two-way       | headsets are designed for both listening and communicating |

    @source-difference-wiki
    Examples: Difference Wiki
      | microphone        | communication | words                                                                 |
      | no microphone     | one-way       | Headphones are audio devices worn on the ears for listening to sound. |
      | no microphone     | one-way       | Headphones are primarily used for listening to audio.                 |
      | a boom microphone | two-way       | making them suitable for two-way communication                        |
      | a boom microphone | two-way       | headsets are optimized for communication                              |

  Scenario Outline: What headphones are suited for
    Given a device with no microphone
    When I consult the expert
    Then the device is suited for <uses> with certainty at least <certainty>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses              | certainty | words                                                                           |
      | music             | 1.0       | Headphones focus on delivering high-quality sound for music and audio listening |
      | movies, late-night | 0.4      | He used headphones to watch movies late at night.                               |
      | sports, music     | 0.4       | She wore her headphones while jogging to listen to music.                       |

    @source-difference-between
    Examples: Difference Between
      | uses                                        | certainty | words                                                                 |
      | personal-audio, music, podcasts, audiobooks | 0.8       | Headphones are typically used for personal listening to music, podcasts, audiobooks |

  Scenario Outline: What headsets are suited for
    Given a device with a boom microphone
    When I consult the expert
    Then the device is suited for <uses> with certainty at least <certainty>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses                             | certainty | words                                                                 |
      | gaming, conferencing, call-center | 0.6      | often used in gaming, teleconferencing, and customer service environments |
      | call-center, two-way-communication | 0.4    | He wore a headset for his customer service job to talk to clients.    |
      | office                           | 0.4       | there are headsets specifically designed for office use               |
      | two-way-communication            | 1.0       | making them suitable for two-way communication                        |

    @source-difference-between
    Examples: Difference Between
      | uses                                           | certainty | words                                                       |
      | calls, gaming, conferencing, two-way-communication | 0.6   | Headsets are commonly used for voice calls, gaming, video conferencing |
      | two-way-communication                          | 1.0       | headsets are designed for both listening and communicating |

  @explanation @source-difference-wiki
  Scenario: Why is a device with a boom microphone not headphones?
    Given a device with a boom microphone
    When I ask why the device is not headphones
    Then the answer is that it was not concluded
    And the rule quoting "Consists only of speakers." did not fire because the device's mic is boom

  @explanation @source-kania
  Scenario: Why is a device with an in-line microphone not headphones? Kania's claim is outweighed
    Given a device with an in-line microphone
    When I ask why the device is not headphones
    Then the answer is that it was outweighed
    And the rule quoting "what are called “in-line mics”" fired for it

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
