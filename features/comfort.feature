@comfort
Feature: Comfort
  Which kind is more comfortable, padding, bulk and weight, and long wear (rules/comfort.toml).

  Scenario Outline: Headphones are the comfortable ones
    Given a device with no microphone
    When I consult the expert
    Then the device's comfort is high with certainty 1.0
    And the explanation quotes "<words>"

    @source-kania
    Examples: Kania
      | words                                                                               |
      | Which is more comfortable, headphone or headset? The reigning champ is usually headphones. |

    @source-difference-wiki
    Examples: Difference Wiki
      | words                                                                         |
      | The design of headphones emphasizes comfort and sound quality for prolonged use. |

  @source-kania
  Scenario: You can choose exactly how headphones rest on your head
    Given a device with no microphone
    When I consult the expert
    Then the device's styles include over-ear and on-ear
    And the explanation quotes "You can choose exactly how they rest on your head since they're available in multiple styles"

  @source-kania
  Scenario: The most luxurious are thickly padded to cradle your ears
    Given a device with a boom microphone
    And the device is thickly padded
    When I consult the expert
    Then the device's comfort is high
    And the explanation quotes "The most luxurious will also be thickly padded to cradle your ears from their clamp force."

  @source-kania @source-difference-wiki
  Scenario: Someone who wants comfort should get padded, over-ear headphones
    Given the user cares most about comfort
    When I consult the expert
    Then the expert recommends headphones with certainty 0.8
    And the explanation quotes "The reigning champ is usually headphones."
    And the recommended features include thick-padding with certainty 1.0
    And the explanation quotes "thickly padded to cradle your ears"
    And the recommended features include over-ear with certainty 0.6
    And the explanation quotes "Over-ear headphones often provide superior sound quality and comfort."

  @conflict @source-kania @source-difference-wiki @source-difference-between
  Scenario: Are headsets comfortable? Kania says they are not uncomfortable; the others say they are
    Given a device with a boom microphone
    When I consult the expert
    Then the articles disagree on the device's comfort
    And one side says moderate, quoting "Headsets aren't uncomfortable, but they have an attached microphone"
    And the other side says high, quoting "Modern headsets are designed for comfort during extended use."
    And a third side says high, quoting "they provide a comfortable and convenient listening experience"
    And high wins with certainty 1.0

  @source-kania
  Scenario: A headset's attached microphone can make it bulkier and heavier
    Given a device with a boom microphone
    When I consult the expert
    Then the device's bulk is bulky with certainty 0.4
    And the explanation quotes "they have an attached microphone that can make them bulkier and heavier"

  @conflict @source-kania
  Scenario: It is possible to find lightweight headsets
    Given a device with a boom microphone
    And the device is light
    When I consult the expert
    Then the articles disagree on the device's bulk
    And one side says light, quoting "it is possible to find lightweight, less unwieldy headsets"
    And the other side says bulky, quoting "can make them bulkier and heavier"
    And light wins with certainty 1.0

  @source-kania
  Scenario: High-end headphones can be heavyweight
    Given a device with no microphone
    And the device is a premium model
    When I consult the expert
    Then the device's bulk is bulky with certainty 0.4
    And the explanation quotes "lightweight, less unwieldy headsets than heavyweight, high-end headphones"

  @source-difference-wiki @source-difference-between
  Scenario: Headsets are often adjustable; their speakers can be positioned to suit you
    Given a device with a boom microphone
    When I consult the expert
    Then the device's features include adjustable with certainty at least 0.6
    And the explanation quotes "often adjustable for user preference"
    And the explanation quotes "high-quality speakers that can be positioned to suit your preferences"
