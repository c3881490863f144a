Feature: Caring for houseplants
  Each claim of the article, as a scenario in the generic steps: facts and conclusions are
  named as in vocabulary.toml.

  Scenario: A fern does best in a north-facing window
    Given plant.kind is fern
    When I consult the expert
    Then care.spot is north-window
    And the certainty of care.spot is 1.0
    And care.spot cites houseplants
    And how care.spot mentions "north-facing window"
    And care.watering is not concluded

  Scenario: A cactus needs bright light and dry soil
    Given plant.kind is cactus
    When I consult the expert
    Then care.spot is bright-window
    And care.spot is not north-window
    And care.watering is when-dry with certainty 1.0

  Scenario: A cactus in low light should move closer to a window
    Given plant.kind is cactus
    And plant.light is low
    When I consult the expert
    Then care.tasks includes move-to-light
    And care.tasks does not include mist

  Scenario: Misting helps a fern, all the more when its leaves have brown tips
    Given plant.kind is fern
    And plant.signs includes brown-tips
    When I consult the expert
    Then care.tasks includes mist with certainty at least 0.85
    And how care.tasks mentions "misting the plant may help"

  Scenario: Yellow leaves and wet soil mean watering less often
    Given plant.leaves is yellow
    And plant.soil_wet is true
    When I consult the expert
    Then care.watering is less-often
    And there is no conflict on care.watering

  Scenario: A wet cactus with yellow leaves gets two different watering advices
    Given plant.kind is cactus
    And plant.leaves is yellow
    And plant.soil_wet is true
    When I consult the expert
    Then there is a conflict on care.watering
    And care.watering is when-dry

  Scenario: A plant in the same pot for three years should be repotted
    Given plant.pot_years is 3
    When I consult the expert
    Then care.tasks includes repot
    And the certainty of care.tasks is 0.8
    And care.spot is not concluded
