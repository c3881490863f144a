@care
Feature: Care
  Cleaning, storage, repair, safe volume, and translation headsets' software
  (rules/care.toml).

  @source-difference-wiki
  Scenario Outline: Keep them clean, store them properly, avoid extreme conditions
    Given the user already owns <device>
    When I consult the expert
    Then the advice includes keep-clean, store-properly and avoid-extreme-conditions with certainty 1.0
    And the explanation quotes "Keep them clean, store properly, and avoid exposing them to extreme conditions."
    And the advice includes check-repair-options with certainty 0.4
    And the explanation quotes "Some headphone issues can be repaired, depending on the damage and model."

    Examples:
      | device     |
      | headphones |
      | a headset  |

  @source-difference-wiki
  Scenario: Someone who owns nothing yet gets no care advice
    Given the user owns nothing yet
    When I consult the expert
    Then the advice does not include keep-clean
    And the advice does not include check-repair-options

  @source-difference-wiki
  Scenario: Prolonged exposure to high volumes can damage hearing
    Given the user listens at high volume
    And the user wears it for long sessions
    When I consult the expert
    Then the advice includes limit-volume with certainty 0.4
    And the explanation quotes "Prolonged exposure to high volumes can potentially damage hearing."

  @source-difference-wiki
  Scenario Outline: Loud but short, or long but quiet, is not prolonged exposure to high volume
    Given the user listens at <volume> volume
    And the user wears it for <session> sessions
    When I consult the expert
    Then the advice does not include limit-volume

    Examples:
      | volume   | session |
      | high     | short   |
      | moderate | long    |
      | low      | long    |

  @source-difference-wiki
  Scenario: Some advanced headsets offer real-time translation, which may need an app
    Given the user needs translation
    When I consult the expert
    Then the expert recommends a headset with certainty 0.4
    And the explanation quotes "Some advanced headsets offer real-time translation features"
    And the recommended features include translation with certainty 0.4
    And the explanation quotes "Some advanced headsets offer real-time translation features"
    And the advice includes translation-app with certainty 0.4
    And the explanation quotes "though they may require specific software or apps"

  @source-difference-wiki
  Scenario: A device that translates may require specific software or apps
    Given a device with a boom microphone
    And the device has real-time translation
    When I consult the expert
    Then the advice includes translation-app with certainty 0.4
    And the explanation quotes "real-time translation features, though they may require specific software or apps"

  @source-difference-wiki
  Scenario: Someone who wants it to last is told how to care for it
    Given needs.priorities includes durability
    When I consult the expert
    Then recommendation.advice includes keep-clean, store-properly and avoid-extreme-conditions with certainty 1.0
    And how recommendation.advice mentions "How should I care for my headphones to ensure longevity?"

  @source-difference-wiki
  Scenario: A loud listener who does not say for how long is warned about hearing
    Given needs.volume is high
    When I consult the expert
    Then recommendation.advice includes limit-volume with certainty 0.4
    And how recommendation.advice mentions "Prolonged exposure to high volumes can potentially damage hearing."

  @source-difference-wiki
  Scenario Outline: Every loud listener gets the note on the risk to hearing
    Given needs.volume is high
    And needs.session is <session>
    When I consult the expert
    Then a note on audio_devices.hearing says prolonged-high-volume-can-damage
    And the notes quote "Can headphone usage damage hearing?"

    Examples:
      | session |
      | short   |
      | long    |

  @source-difference-wiki
  Scenario: Some advanced headsets translate: a note, not this headset's feature
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.features says translation
    And the notes quote "Some advanced headsets offer real-time translation features"
