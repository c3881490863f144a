@connectivity
Feature: Connectivity
  Wired, wireless and Bluetooth; phone jacks, PCs and consoles (rules/connectivity.toml).

  @source-difference-wiki
  Scenario: Headphones may or may not include wireless capabilities: notes on the class
    Given device.mic is none
    When I consult the expert
    Then device.features is not concluded
    And a note on headphones.features says wireless
    And a note on headphones.features says multi-device
    And the notes quote "In terms of connectivity, headphones may or may not include wireless capabilities."
    And the notes quote "headphones can connect to different devices via wired or wireless connections"

  @source-difference-wiki
  Scenario: Wireless headphones can connect via Bluetooth: an example, so a note
    Given device.mic is none
    And device.connection is wireless
    When I consult the expert
    Then a note on headphones.features says bluetooth
    And the notes quote "Her wireless headphones connected via Bluetooth to her phone."

  @explanation @source-difference-wiki
  Scenario: Headsets frequently feature wireless technology and Bluetooth, but not all of them
    Given device.mic is boom
    When I consult the expert
    Then device.features is not concluded
    And a note on headsets.features says wireless, bluetooth and multi-device
    And the notes quote "Headsets, however, frequently feature wireless technology, Bluetooth connectivity, and compatibility with various communication devices."
    And the notes quote "Not all, but many modern headsets offer Bluetooth connectivity."

  @source-difference-wiki
  Scenario: Many headsets are compatible with gaming consoles: a note on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.features says console-compatible
    And the notes quote "Yes, many headsets are compatible with gaming consoles."

  @source-difference-wiki
  Scenario: A console player should look for a console-compatible one, and check it
    Given needs.platform is console
    When I consult the expert
    Then recommendation.features includes console-compatible with certainty 0.6
    And recommendation.advice includes check-console-compatibility with certainty 0.6
    And how recommendation.features mentions "many headsets are compatible with gaming consoles"

  @source-difference-wiki
  Scenario Outline: A phone user can connect over Bluetooth
    Given needs.platform is <platform>
    When I consult the expert
    Then recommendation.features includes bluetooth with certainty 0.4
    And how recommendation.features mentions "Her wireless headphones connected via Bluetooth to her phone."

    Examples:
      | platform |
      | phone    |
      | iphone   |

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
  Scenario: A wireless device with Bluetooth for an iPhone: the 3.5mm jack is not its concern
    Given device.type is headphones
    And the device is wireless
    And the device has Bluetooth
    And the user uses an iPhone
    And the user listens to music
    When I consult the expert
    Then nothing is concluded about the recommended plug
    And the advice does not include iphone-workaround

  @conflict @source-difference-between
  Scenario: A wired device for an iPhone: the 3.5mm jack, and ways to work around it
    Given the device is wired
    And the user uses an iPhone
    When I consult the expert
    Then the articles disagree on the recommended plug
    And one side says 3.5mm, quoting "the Apple iPhone has a 3.5mm audio jack"
    And the other side says 2.5mm, quoting "Typically, mobile phones come equipped with a 2.5mm headset jack"
    And 3.5mm wins with certainty 1.0
    And the advice includes iphone-workaround with certainty 1.0
    And the explanation quotes "there are ways to work around this limitation and use a headset with an iPhone"
    And how recommendation.advice mentions "connectivity.wired-iphone-workaround"

  @source-difference-between
  Scenario: A wired device for a phone: phones typically have a 2.5mm headset jack
    Given the device is wired
    And the user uses a phone
    When I consult the expert
    Then the recommended plug is 2.5mm with certainty 0.8
    And how recommendation.plug mentions "connectivity.wired-phones-2-5mm-headset-jack"

  @source-difference-between
  Scenario Outline: Connect a gaming headset to a PC via a USB-A port: one straightforward way, not the only one
    Given the user uses a PC
    And the user <plays>
    When I consult the expert
    Then the recommended plug is usb-a with certainty 0.64
    And the explanation quotes "Insert the USB-A connector of the gaming headset into an available USB-A port on your computer."

    Examples:
      | plays              |
      | plays games        |
      | plays online games |

  @source-difference-between
  Scenario: Any PC user can connect a headset via USB-A, though the article speaks of gaming headsets
    Given the user uses a PC
    And the user listens to music
    When I consult the expert
    Then recommendation.plug is usb-a with certainty 0.4
    And how recommendation.plug mentions "Can you use a headset with a PC?"
