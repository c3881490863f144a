@battery
Feature: Battery
  What drains the battery, and how long wireless headsets last on a charge
  (rules/battery.toml).

  @source-kania
  Scenario Outline: Active noise cancellation eats through the battery twice as quickly
    Given a device with <microphone>
    And the device has active noise cancellation
    When I consult the expert
    Then the device's battery life is halved with certainty 1.0
    And the explanation quotes "will eat through your battery life twice as quickly"

    Examples:
      | microphone        |
      | no microphone     |
      | a boom microphone |

  @source-kania
  Scenario: Without noise cancellation nothing is said about the battery
    Given a device with no microphone
    And the device has no active noise cancellation
    When I consult the expert
    Then nothing is concluded about the device's battery life

  @source-difference-wiki
  Scenario: Many wireless headsets last several hours to a full day on a charge
    Given a device with a boom microphone
    And the device is wireless
    When I consult the expert
    Then the device's battery runtime is several-hours-to-a-day with certainty 0.6
    And the explanation quotes "Battery life varies, but many can last several hours to a full day."

  @source-difference-wiki
  Scenario Outline: The runtime claim is about wireless headsets only
    Given a device with <microphone>
    And the device is <connection>
    When I consult the expert
    Then nothing is concluded about the device's battery runtime

    Examples:
      | microphone        | connection |
      | a boom microphone | wired      |
      | no microphone     | wireless   |

  @explanation @source-kania
  Scenario: What if the headphones had no noise cancellation?
    Given a device with no microphone
    And the device has active noise cancellation
    When I ask what would change if the device had no active noise cancellation
    Then the expert no longer concludes anything about the device's battery life
    And the change is explained by the rule quoting "will eat through your battery life twice as quickly"
    And nothing else changes
