@build
Feature: Build quality
  Materials, how build quality varies by model, and what lasts (rules/build.toml).

  @source-kania
  Scenario: Build quality differs by model: a note on the class, not a verdict on the device
    Given device.mic is none
    When I consult the expert
    Then device.build_quality is not concluded
    And a note on audio_devices.build_quality says varies-by-model
    And the notes quote "results can differ depending on the model you buy, so it's hard to declare a winner"

  @source-kania
  Scenario: Headsets are usually made with lower-quality materials
    Given device.mic is boom
    When I consult the expert
    Then device.build_quality is lower with certainty 0.8
    And there is no conflict on device.build_quality
    And device.build_quality cites kania
    And a note on headsets.mics says cheap, flimsy and high-end

  @source-kania
  Scenario: Top-tier headsets are kania's exception to the lower-quality materials
    Given device.mic is boom
    And device.tier is premium
    When I consult the expert
    Then device.build_quality is high with certainty 1.0
    And there is no conflict on device.build_quality

  @explanation @source-kania
  Scenario: How a premium headset's build quality was decided: the default is defeated
    Given device.mic is boom
    And device.tier is professional
    When I consult the expert
    Then how device.build_quality mentions "defeated: rule build.headsets-lower-materials"
    And how device.build_quality mentions "build.top-tier-headsets-last"

  @source-kania
  Scenario: Over-ear headphones can be made with leather, pleather and memory foam: a note
    Given device.mic is none
    And device.fit is over-ear
    When I consult the expert
    Then a note on headphones.materials says leather, pleather and memory-foam
    And the notes quote "over-headphone earcups can be made with leather or pleather, while its headband uses memory foam"

  @source-kania
  Scenario: In-ear tips can be made with foam or silicone of varying quality: a note
    Given device.mic is none
    And device.fit is in-ear
    When I consult the expert
    Then a note on audio_devices.materials says foam and silicone
    And the notes quote "in-ear tips can be made with foam, silicone, or other soft materials of varying quality"
    And device.build_quality is not concluded

  @source-kania
  Scenario Outline: Top-tier headphones or headsets have craftsmanship that can last for years
    Given a device with <microphone>
    And the device is a <tier> model
    When I consult the expert
    Then the device's build quality is high with certainty 1.0
    And the explanation quotes "If you're looking for high-quality craftsmanship that can last for years, a pair of top-tier headphones or headsets are the way to go."
    And the device's longevity is years with certainty 0.4
    And the explanation quotes "high-quality craftsmanship that can last for years"

    Examples:
      | microphone         | tier         |
      | no microphone      | premium      |
      | no microphone      | professional |
      | a boom microphone  | premium      |
      | a boom microphone  | professional |

  @source-kania
  Scenario Outline: Lower tiers are not promised that craftsmanship
    Given a device with no microphone
    And the device is a <tier> model
    When I consult the expert
    Then the device's build quality is not high
    And nothing is concluded about the device's longevity

    Examples:
      | tier      |
      | budget    |
      | mid-range |

  @source-kania
  Scenario: Someone who wants it to last should buy top-tier
    Given the user cares most about durability
    When I consult the expert
    Then the recommended tier is premium with certainty 1.0
    And the explanation quotes "a pair of top-tier headphones or headsets are the way to go"

  @source-kania
  Scenario: Someone who means to keep it for years should buy top-tier
    Given needs.term is long-term
    When I consult the expert
    Then recommendation.tier is premium with certainty 1.0
    And recommendation.tier cites kania

  @source-kania
  Scenario: Someone who puts durability first hears what build quality means
    Given needs.priorities includes durability
    When I consult the expert
    Then a note on audio_devices.build_quality says means-materials-durability-features
    And the notes quote "What materials does it use? How durable is it?"
