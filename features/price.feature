@price
Feature: Price
  Price ranges, which kind is more affordable, and what makes headphones pricier
  (rules/price.toml).

  @source-kania
  Scenario Outline: Headphones and headsets are both available at a wide range of prices
    Given a device with <microphone>
    When I consult the expert
    Then the device's price range is wide with certainty 1.0
    And the explanation quotes "Headphones and headsets are both available at a wide range of prices."

    Examples:
      | microphone        |
      | no microphone     |
      | a boom microphone |

  @source-kania
  Scenario: Pound for pound, headsets tend to be more affordable than headphones
    Given a device with a boom microphone
    When I consult the expert
    Then the device's price level is affordable with certainty 0.8
    And the explanation quotes "Pound for pound, however, headsets tend to be more affordable than headphones."
    And the explanation quotes "their diminished sound quality usually offsets this expense"

  @source-kania
  Scenario: Headphones' more robust drivers make their price higher
    Given a device with no microphone
    When I consult the expert
    Then the device's price level is expensive with certainty 1.0
    And the explanation quotes "their electronic drivers are more robust, and their price is higher"

  @source-kania
  Scenario: Premium-level features make headphones' price skyrocket
    Given a device with no microphone
    And the device is a premium model
    When I consult the expert
    Then the device's price level is expensive with certainty 1.0
    And the explanation quotes "Headphones can also skyrocket in price when they start adding special or premium-level features"

  @source-kania
  Scenario: A shopper spending $100 or more on sound should get headphones
    Given the user has a budget of $150
    And the user cares most about sound quality
    When I consult the expert
    Then the expert recommends headphones
    And the explanation quotes "the changes will be much more apparent when they're $100 or more"

  @source-kania
  Scenario: Someone watching the price should look at headsets
    Given the user cares most about price
    When I consult the expert
    Then the expert recommends a headset with certainty 0.6
    And the explanation quotes "headsets tend to be more affordable than headphones"

  @source-kania
  Scenario Outline: Cheap ones for short-term usage, premium models for serious audiophiles
    Given the user <need>
    When I consult the expert
    Then the recommended tier is <tier> with certainty 0.4
    And the explanation quotes "<words>"

    Examples:
      | need                           | tier    | words                                                              |
      | wears it for short sessions    | budget  | You can find cheap ones for short-term usage                        |
      | cares most about sound quality | premium | premium, top-of-the-line models for serious audiophiles             |

  @conflict @source-kania
  Scenario: An audiophile on short sessions gets two equally hedged tiers; the tie goes to budget
    Given the user wears it for short sessions
    And the user cares most about sound quality
    When I consult the expert
    Then the articles disagree on the recommended tier
    And one side says budget, quoting "You can find cheap ones for short-term usage"
    And the other side says premium, quoting "premium, top-of-the-line models for serious audiophiles"
    And budget wins with certainty 0.4

  @source-kania
  Scenario Outline: You might not notice a difference at $20; it is apparent at $100 or more
    Given a device with a boom microphone
    And the device costs $<price>
    When I consult the expert
    Then the device's sound gap is <gap> with certainty <certainty>
    And the explanation quotes "<words>"

    Examples:
      | price | gap          | certainty | words                                                                |
      | 20    | unnoticeable | 0.4       | you might not notice a difference between a $20 headset               |
      | 15    | unnoticeable | 0.4       | you might not notice a difference between a $20 headset               |
      | 100   | apparent     | 1.0       | the changes will be much more apparent when they're $100 or more      |
      | 250   | apparent     | 1.0       | the changes will be much more apparent when they're $100 or more      |

  @source-kania
  Scenario: Between $20 and $100 the article says nothing about the difference
    Given a device with no microphone
    And the device costs $50
    When I consult the expert
    Then nothing is concluded about the device's sound gap
