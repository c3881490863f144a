@build
Feature: Build quality
  Materials, how build quality varies by model, and what lasts (rules/build.toml).

  @source-kania
  Scenario: For headphones, build quality results can differ depending on the model
    Given a device with no microphone
    When I consult the expert
    Then the device's build quality is varies with certainty 0.4
    And the explanation quotes "results can differ depending on the model you buy, so it's hard to declare a winner"

  @conflict @source-kania
  Scenario: Kania disagrees with itself on headsets: usually lower-quality materials, yet hard to declare a winner
    Given a device with a boom microphone
    When I consult the expert
    Then the articles disagree on the device's build quality
    And one side says lower, quoting "since headsets are cheaper, they're usually made with lower-quality materials"
    And the other side says varies, quoting "Headsets can have cheap, flimsy, or high-end mics with many control settings."
    And lower wins with certainty 0.8

  @source-kania
  Scenario: Over-ear earcups can be made with leather or pleather, the headband with memory foam
    Given a device with no microphone
    And the device is over-ear
    When I consult the expert
    Then the device's materials include leather, pleather and memory-foam with certainty 0.4
    And the explanation quotes "over-headphone earcups can be made with leather or pleather, while its headband uses memory foam"

  @source-kania
  Scenario: In-ear tips can be made with foam or silicone of varying quality
    Given a device with no microphone
    And the device is in-ear
    When I consult the expert
    Then the device's materials include foam and silicone
    And the explanation quotes "in-ear tips can be made with foam, silicone, or other soft materials of varying quality"
    And the device's build quality is varies with certainty 0.64
    And the explanation quotes "in-ear tips can be made with foam, silicone, or other soft materials of varying quality"

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
