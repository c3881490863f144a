@input-output
Feature: Input and output
  Headphones are output devices; a microphone makes a device input and output, a hybrid;
  digimigia's other input and output devices (rules/input-output.toml).

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
      | an external microphone | When Headphones Become Input Devices Too?                                                     |

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
      | Why Headphones are Typically Output Only?                                                  |
      | First, the way headphones work is built for playing sound.                                 |
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
  Scenario: The comparison chart's primary function of headphones: listening only
    Given a device with no microphone
    When I consult the expert
    Then the device's communication is one-way
    And the explanation quotes "Audio output for listening to sound."

  @source-digimigia @source-difference-wiki
  Scenario: Headphones with an in-line microphone are hybrid, without dispute
    Given device.mic is inline
    When I consult the expert
    Then device.io is hybrid with certainty 1.0
    And there is no conflict on device.io
    And device.io cites digimigia

  @explanation
  Scenario Outline: Digimigia's other input and output devices
    Given device.type is <type>
    When I consult the expert
    Then device.io is <io> with certainty <certainty>
    And how device.io mentions "<words>"

    @source-digimigia
    Examples: Digimigia
      | type             | io     | certainty | words                                                                  |
      | microphone       | input  | 1.0       | A microphone is a great example of an input device.                    |
      | mouse            | input  | 1.0       | A computer mouse and keyboard are also good examples of input devices. |
      | keyboard         | input  | 1.0       | A computer mouse and keyboard are also good examples of input devices. |
      | monitor          | output | 1.0       | That’s why the monitor is only considered an output device.           |
      | computer         | hybrid | 1.0       | A computer uses both input and output, making it a combination of the two. |
      | biometric-sensor | input  | 1.0       | Biometrics are all about taking in information                         |
      | facial-recognition | input | 1.0      | Facial recognition works the same way                                  |
      | stylus           | input  | 0.8       | A tablet stylus is mostly an input device                              |
      | headphones       | output | 0.8       | Headphones are mostly considered as output devices.                    |
      | headset          | hybrid | 1.0       | devices that include a microphone are called headsets                  |

  @source-digimigia
  Scenario Outline: A stylus or facial recognition that sends information back is the exception: hybrid
    Given device.type is <type>
    And device.feedback is true
    When I consult the expert
    Then device.io is hybrid with certainty 1.0
    And there is no conflict on device.io
    And how device.io mentions "<words>"

    Examples:
      | type               | words                                                            |
      | stylus             | unless it’s designed to send information back to you             |
      | facial-recognition | but it often also uses output devices to give feedback or show results |

  @explanation @source-digimigia
  Scenario: How a stylus that sends information back was decided: "mostly input" is defeated
    Given device.type is stylus
    And device.feedback is true
    When I consult the expert
    Then how device.io mentions "defeated: rule input-output.stylus-mostly-input"
    And why device.io is not input mentions "was defeated by input-output.stylus-that-sends-back, an exception to it"

  @source-digimigia
  Scenario: Facial recognition often also gives feedback: a note when the device's is not stated
    Given device.type is facial-recognition
    When I consult the expert
    Then a note on facial_recognition.feedback says often-uses-output-devices
    And the notes quote "it often also uses output devices to give feedback or show results"

  @source-digimigia
  Scenario: A finger does not work as well as a stylus
    Given device.type is stylus
    When I consult the expert
    Then a note on styluses.precision says better-than-finger
    And the notes quote "Your finger just doesn’t work as well as a stylus for this kind of task."

  @source-digimigia
  Scenario: A microphone is an input device, in the article's words for a microphone
    Given device.type is microphone
    When I consult the expert
    Then device.io is input with certainty 1.0
    And the answer mentions "A microphone is a great example of an input device."
    And a note on input_devices.functions says data-input
    And the notes quote "Input devices are hardware components that help users send data or instructions into a computer system."

  @source-digimigia
  Scenario: The main functions of input devices
    Given device.type is keyboard
    When I consult the expert
    Then a note on input_devices.functions says data-input, command-execution and user-interface
    And the notes quote "Command execution: Input devices let users give commands to the computer"

  @source-digimigia
  Scenario: Recording with headphones that have no microphone: a speaker is not practical
    Given device.mic is none
    And needs.uses includes recording
    When I consult the expert
    Then a note on headphones.as_microphone says possible-but-impractical
    And the notes quote "While a speaker can technically act as a microphone, but it’s not very effective"

  @explanation @source-digimigia
  Scenario: What if the headphones got a clip-on microphone?
    Given a device with no microphone
    When I ask what would change if the device had a clip-on microphone
    Then the device's input and output changes from output to hybrid
    And the change is explained by the rule quoting "unless there’s a microphone added separately"
    And the expert no longer concludes anything about the device
