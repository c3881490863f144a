@price
Feature: Price
  Price ranges, which kind is more affordable, what makes headphones pricier, and what to
  spend (rules/price.toml).

  @source-kania
  Scenario Outline: Headphones and headsets are both available at a wide range of prices: a note
    Given device.mic is <mic>
    When I consult the expert
    Then a note on audio_devices.price_range says wide
    And the notes quote "Headphones and headsets are both available at a wide range of prices."

    Examples:
      | mic  |
      | none |
      | boom |

  @source-kania
  Scenario: A user who states a budget hears that prices range widely
    Given needs.budget is 60
    When I consult the expert
    Then a note on audio_devices.price_range says cheap-for-short-term and premium-for-audiophiles
    And the notes quote "You can find cheap ones for short-term usage and premium, top-of-the-line models for serious audiophiles."

  @source-kania
  Scenario: Pound for pound headsets tend to be more affordable: a note comparing the classes
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.price says more-affordable
    And the notes quote "Pound for pound, however, headsets tend to be more affordable than headphones."
    And the notes quote "their diminished sound quality usually offsets this expense"

  @source-kania
  Scenario: Headphones' more robust drivers make their price higher: a note comparing the classes
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.price says higher
    And the notes quote "their electronic drivers are more robust, and their price is higher"

  @source-kania
  Scenario: Premium-level features can make headphones' price skyrocket: a note
    Given device.mic is none
    And device.tier is premium
    When I consult the expert
    Then a note on headphones.price says can-skyrocket-with-premium-features
    And the notes quote "Headphones can also skyrocket in price when they start adding special or premium-level features"

  @source-kania
  Scenario: Someone watching the price should not pay for premium-level features
    Given needs.priorities includes price
    When I consult the expert
    Then recommendation.avoid includes premium-features with certainty 0.4
    And how recommendation.avoid mentions "skyrocket in price"

  @source-kania
  Scenario Outline: At $20 either kind will do; at $100 or more the kind matters
    Given needs.budget is <budget>
    When I consult the expert
    Then recommendation.advice includes <advice> with certainty <certainty>
    And recommendation.advice cites kania
    And how recommendation.advice mentions "<words>"

    Examples:
      | budget | advice                     | certainty | words                                                          |
      | 20     | either-kind-at-low-price   | 0.4       | you might not notice a difference between a $20 headset        |
      | 15     | either-kind-at-low-price   | 0.4       | you might not notice a difference between a $20 headset        |
      | 100    | kind-matters-at-this-price | 1.0       | the changes will be much more apparent when they’re $100 or more |
      | 150    | kind-matters-at-this-price | 1.0       | the changes will be much more apparent when they’re $100 or more |

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
      | keeps it for the short term    | budget  | You can find cheap ones for short-term usage                        |
      | cares most about sound quality | premium | premium, top-of-the-line models for serious audiophiles             |

  @source-kania
  Scenario: An audiophile with $20 to spend is told either kind will do, not to buy premium
    Given the user cares most about sound quality
    And needs.budget is 20
    When I consult the expert
    Then nothing is concluded about the recommended tier
    And the advice includes either-kind-at-low-price with certainty 0.4
    And the explanation quotes "While you might not notice a difference between a $20 headset and a $20 pair of headsets"

  @source-kania
  Scenario: An audiophile with more than $20 to spend: premium, top-of-the-line models
    Given the user cares most about sound quality
    And needs.budget is 50
    When I consult the expert
    Then recommendation.tier is premium with certainty 0.4
    And how recommendation.tier mentions "price.premium-for-audiophiles-above-20"
    And how recommendation.tier mentions "premium, top-of-the-line models for serious audiophiles"

  @conflict @source-kania
  Scenario: An audiophile who keeps it for the short term gets two equally hedged tiers; the tie goes to budget
    Given the user keeps it for the short term
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

  @source-kania
  Scenario: A budget between $20 and $100 gets no price advice: a known gap
    Given needs.budget is 60
    And needs.uses includes music
    When I consult the expert
    Then recommendation.advice is not concluded
