@connectivity
Feature: Connectivity
  Wired, wireless and Bluetooth; phone jacks, PCs and consoles (rules/connectivity.toml).

  @source-difference-wiki
  Scenario: Headphones may or may not include wireless capabilities
    Given a device with no microphone
    When I consult the expert
    Then the device's features include wireless with certainty 0.4
    And the explanation quotes "In terms of connectivity, headphones may or may not include wireless capabilities."
    And the device's features include multi-device with certainty 0.4
    And the explanation quotes "headphones can connect to different devices via wired or wireless connections"

  @source-difference-wiki
  Scenario: Wireless headphones can connect via Bluetooth
    Given a device with no microphone
    And the device is wireless
    When I consult the expert
    Then the device's features include bluetooth with certainty 0.4
    And the explanation quotes "Her wireless headphones connected via Bluetooth to her phone."

  @source-difference-wiki
  Scenario: Headsets frequently feature wireless technology and Bluetooth, but not all of them
    Given a device with a boom microphone
    When I consult the expert
    Then the device's features include wireless, bluetooth and multi-device
    And the explanation quotes "Headsets, however, frequently feature wireless technology, Bluetooth connectivity, and compatibility with various communication devices."
    And the device's features include bluetooth with certainty below 0.6
    And the explanation quotes against it "Do all headsets come with Bluetooth connectivity? Not all"

  @source-difference-wiki
  Scenario: Many headsets are compatible with gaming consoles
    Given a device with a boom microphone
    When I consult the expert
    Then the device's features include console-compatible with certainty 0.6
    And the explanation quotes "Yes, many headsets are compatible with gaming consoles."

  @source-difference-wiki
  Scenario Outline: Modern wireless headsets are widely used professionally
    Given a device with a boom microphone
    And the device is <connection>
    When I consult the expert
    Then the device is suited for professional-use with certainty <certainty>
    And the explanation quotes "<words>"

    Examples:
      | connection | certainty | words                                                                  |
      | wireless   | 1.0       | Yes, modern wireless headsets are reliable and widely used professionally. |
      | wired      | 1.0       | For gaming, calls, and professional use.                               |

  @source-difference-between
  Scenario: Mobile phones typically come with a 2.5mm headset jack
    Given the user uses a phone
    When I consult the expert
    Then the recommended plug is 2.5mm with certainty 0.8
    And the explanation quotes "Typically, mobile phones come equipped with a 2.5mm headset jack"

  @conflict @source-difference-between
  Scenario: The iPhone is the exception: a 3.5mm audio jack
    Given the user uses an iPhone
    When I consult the expert
    Then the articles disagree on the recommended plug
    And one side says 3.5mm, quoting "the Apple iPhone has a 3.5mm audio jack"
    And the other side says 2.5mm, quoting "Typically, mobile phones come equipped with a 2.5mm headset jack"
    And 3.5mm wins with certainty 1.0
    And the advice includes iphone-workaround with certainty 1.0
    And the explanation quotes "there are ways to work around this limitation and use a headset with an iPhone"

  @source-difference-between
  Scenario Outline: Connect a gaming headset to a PC via a USB-A port
    Given the user uses a PC
    And the user <plays>
    When I consult the expert
    Then the recommended plug is usb-a with certainty 1.0
    And the explanation quotes "It is a straightforward process to connect a gaming headset to a PC via a USB-A port."

    Examples:
      | plays              |
      | plays games        |
      | plays online games |

  @source-difference-between
  Scenario: No plug advice for a PC user who only listens to music
    Given the user uses a PC
    And the user listens to music
    When I consult the expert
    Then nothing is concluded about the recommended plug
