@isolation
Feature: Noise isolation
  How well a device blocks ambient noise: open-back, closed-back and on-ear styles, and active
  noise cancellation (rules/isolation.toml).

  @source-kania
  Scenario: Closed-back, over-ear headphones block out ambient noise better than any other kind
    Given a device with no microphone
    And the device is closed-back
    And the device is over-ear
    When I consult the expert
    Then the device's isolation is best with certainty 1.0
    And the explanation quotes "a pair of closed-back, over-ear headphones will create a seal that blocks out ambient noise better than any other kind"

  @source-kania
  Scenario Outline: Only the closed-back, over-ear pair makes that seal
    Given a device with no microphone
    And the device is <back>
    And the device is <fit>
    When I consult the expert
    Then nothing is concluded about the device's isolation

    Examples:
      | back        | fit      |
      | open-back   | over-ear |
      | closed-back | on-ear   |
      | closed-back | in-ear   |

  @source-kania
  Scenario Outline: Someone who wants quiet should look for closed-back, over-ear headphones
    Given the user <need>
    When I consult the expert
    Then the recommended features include closed-back and over-ear with certainty 1.0
    And the explanation quotes "a pair of closed-back, over-ear headphones will create a seal"

    Examples:
      | need                         |
      | cares most about noise isolation |
      | listens in a noisy place     |

  @source-kania
  Scenario: With headphones you can customize your level of sound isolation
    Given the user cares most about noise isolation
    When I consult the expert
    Then the expert recommends headphones with certainty 0.4
    And the explanation quotes "You can pretty much customize your level of sound isolation just based on engineering alone."

  @source-difference-wiki
  Scenario: Noise-cancelling headphones help to focus in noisy environments
    Given the user listens in a noisy place
    When I consult the expert
    Then the recommended features include anc with certainty 0.4
    And the explanation quotes "She bought noise-cancelling headphones to focus in noisy environments."

  @source-difference-wiki
  Scenario: Headphones may include noise cancellation, but only certain models do: a note
    Given device.mic is none
    When I consult the expert
    Then device.features is not concluded
    And a note on headphones.features says anc
    And the notes quote "Headphones can range from simple earbuds to sophisticated noise-cancelling models."
    And the notes quote "noise-cancellation is a feature specific to certain models"

  @source-kania @source-difference-wiki
  Scenario: A closed-back over-ear pair is not said to come in other styles, nor to have ANC
    Given device.mic is none
    And device.fit is over-ear
    And device.back is closed
    When I consult the expert
    Then device.features is not concluded
    And device.isolation is best
    And there is a note on headphones.styles

  Scenario Outline: Headphones come in many styles: notes on the class
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.styles says <styles>
    And the notes quote "<words>"

    @source-kania
    Examples: Kania
      | styles                         | words                                                             |
      | open-back, closed-back, on-ear | Headphones are also available in multiple styles: open-back, closed-back, and on-ear. |

    @source-difference-wiki
    Examples: Difference Wiki
      | styles           | words                                             |
      | in-ear, over-ear | Varies in style from earbuds to over-ear models. |

    @source-difference-between
    Examples: Difference Between
      | styles                  | words                                                            |
      | over-ear, on-ear, in-ear | They come in various shapes and sizes, including over-ear, on-ear, and in-ear headphones. |
