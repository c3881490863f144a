@input-output
Feature: Input and output
  Headphones are output devices; a microphone makes a device input and output, a hybrid
  (rules/input-output.toml).

  @source-digimigia
  Scenario Outline: Any microphone makes a device input as well as output
    Given a device with <microphone>
    When I consult the expert
    Then the device's input and output is hybrid with certainty 1.0
    And the explanation quotes "Third, microphones are made to do the opposite of headphones – they turn sound into electrical signals."

    Examples:
      | microphone            |
      | a boom microphone     |
      | an in-line microphone |
      | a built-in microphone |
      | an external microphone |

  @source-digimigia
  Scenario Outline: If your headphones include a microphone, they are hybrid devices
    Given a device with <microphone>
    When I consult the expert
    Then the device's input and output is hybrid
    And the explanation quotes "<words>"

    Examples:
      | microphone            | words                                                                                           |
      | an in-line microphone | If you have a microphone in your headphones, those headphones work both as an input and an output. |
      | a built-in microphone | Some headphones also have built-in microphones, which can record sound, making them able to do both input and output. |
      | a boom microphone     | they are considered hybrid devices that can both receive and send signals                       |

  @source-digimigia
  Scenario: A microphone added separately captures sound
    Given a device with a clip-on microphone
    When I consult the expert
    Then the device's input and output is hybrid
    And the explanation quotes "unless there’s a microphone added separately"

  @source-digimigia
  Scenario Outline: Digimigia says it again and again: headphones without a microphone are output devices
    Given a device with no microphone
    When I consult the expert
    Then the device's input and output is output with certainty 1.0
    And the explanation quotes "<words>"

    Examples:
      | words                                                                                     |
      | Headphones are mostly considered as output devices.                                        |
      | They don’t have the ability to pick up or send sound back. Therefore, headphones are output. |
      | Headphones are usually designed to only play sound, not for recording it.                  |
      | The drivers inside them act like small speakers, moving air to produce the audio you hear. |
      | Second, headphones require an amplifier to send sound out.                                 |
      | While a speaker can technically act as a microphone, but it’s not very effective           |
      | Because of these reasons, manufacturers make headphones for output only.                   |
      | headphones that don’t have a microphone are only output devices                            |

  @source-difference-wiki
  Scenario Outline: Difference Wiki: headphones output sound, headsets also take audio input
    Given a device with <microphone>
    When I consult the expert
    Then the device's input and output is <io>
    And the explanation quotes "<words>"

    Examples:
      | microphone        | io     | words                                                                            |
      | no microphone     | output | Headphones are designed solely for audio output                                  |
      | no microphone     | output | Primary Function Audio output for listening to sound.                            |
      | no microphone     | output | Electro-acoustic transducer for converting electric signals into sounds          |
      | a boom microphone | hybrid | Headsets, in addition to delivering audio, also include a microphone for audio input |
      | a boom microphone | hybrid | Audio output and input for communication.                                        |

  @source-difference-wiki
  Scenario Outline: The comparison chart's primary functions: one-way and two-way communication
    Given a device with <microphone>
    When I consult the expert
    Then the device's communication is <communication>
    And the explanation quotes "<words>"

    Examples:
      | microphone        | communication | words                                                  |
      | no microphone     | one-way       | Primary Function Audio output for listening to sound. |
      | a boom microphone | two-way       | Audio output and input for communication.             |

  @conflict @source-digimigia @source-difference-wiki
  Scenario: Headphones with an in-line microphone: solely output, or hybrid?
    Given a device with an in-line microphone
    When I consult the expert
    Then the articles disagree on the device's input and output
    And one side says hybrid, quoting "If you have a microphone in your headphones, those headphones work both as an input and an output."
    And the other side says output, quoting "Headphones are designed solely for audio output"
    And hybrid wins with certainty 1.0

  @explanation @source-digimigia
  Scenario: What if the headphones got a clip-on microphone?
    Given a device with no microphone
    When I ask what would change if the device had a clip-on microphone
    Then the device's input and output changes from output to hybrid
    And the change is explained by the rule quoting "unless there’s a microphone added separately"
    And the expert no longer concludes anything about the device
