@battery
Feature: Battery
  What drains the battery, how long wireless headsets last on a charge, and what to avoid
  when battery life matters (rules/battery.toml).

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
  Scenario: Many wireless headsets last several hours to a full day on a charge: a note, not this headset's runtime
    Given device.mic is boom
    And device.connection is wireless
    When I consult the expert
    Then there is a note on headsets.battery_runtime
    And a note on headsets.battery_runtime says several-hours-to-a-day
    And the notes quote "Battery life varies, but many can last several hours to a full day."

  @source-difference-wiki
  Scenario Outline: The runtime note is about wireless headsets only
    Given device.mic is <mic>
    And device.connection is <connection>
    When I consult the expert
    Then there is no note on headsets.battery_runtime

    Examples:
      | mic  | connection |
      | boom | wired      |
      | none | wireless   |

  @source-difference-wiki
  Scenario: Someone to whom battery life matters is told to check the runtime: it varies, many last several hours to a full day
    Given needs.priorities includes battery-life
    When I consult the expert
    Then a note on headsets.battery_runtime says several-hours-to-a-day
    And the advice includes check-battery-runtime with certainty 0.6
    And the explanation quotes "Battery life varies, but many can last several hours to a full day."

  @explanation @source-kania
  Scenario: Someone to whom battery life matters should avoid noise cancellation
    Given needs.priorities includes battery-life
    When I consult the expert
    Then recommendation.avoid includes anc with certainty 1.0
    And recommendation.avoid cites kania
    And how recommendation.avoid mentions "will eat through your battery life twice as quickly"

  @source-kania
  Scenario: The longevity of the tech can depend on its settings
    Given device.anc is true
    When I consult the expert
    Then a note on audio_devices.longevity says depends-on-settings
    And the notes quote "The overall longevity of your tech can also depend on its settings"

  @conflict @source-kania @source-difference-wiki
  Scenario: A traveller to whom battery life matters: avoiding ANC outweighs looking for it
    Given needs.uses includes travel
    And needs.priorities includes battery-life
    When I consult the expert
    Then recommendation.avoid includes anc
    And recommendation.features does not include anc
    And there is a conflict on recommendation.features

  @explanation @source-kania
  Scenario: What if the headphones had no noise cancellation?
    Given a device with no microphone
    And the device has active noise cancellation
    When I ask what would change if the device had no active noise cancellation
    Then the expert no longer concludes anything about the device's battery life
    And the change is explained by the rule quoting "will eat through your battery life twice as quickly"
    And nothing else changes
