@portability
Feature: Portability
  Parts that come off, cups that fold, travelling and moving freely (rules/portability.toml).

  @source-kania
  Scenario Outline: On-the-go features make a device portable, and might be great for travelers
    Given a device with <microphone>
    And the device <feature>
    When I consult the expert
    Then the device's portability is high with certainty 1.0
    And the explanation quotes "<words>"
    And the device is suited for travel with certainty 0.4
    And the explanation quotes "These on-the-go features might be great for travelers"

    Examples:
      | microphone        | feature                    | words                                                                 |
      | a boom microphone | has a detachable microphone | You can buy headsets with mics and other parts that disassemble        |
      | no microphone     | is foldable                | noise-canceling headphones with foldable earcups that fit within a compact carrying case |

  @source-kania
  Scenario: A device that neither folds nor comes apart is not called portable
    Given a device with no microphone
    And the device has no foldable ear cups
    When I consult the expert
    Then nothing is concluded about the device's portability
    And the device is not suited for travel

  @source-kania
  Scenario Outline: Travelers and those who want portability should look for foldable ear cups
    Given the user <need>
    When I consult the expert
    Then the recommended features include foldable
    And the explanation quotes "<words>"

    Examples:
      | need                         | words                                                                  |
      | cares most about portability | you can buy noise-canceling headphones with foldable earcups that fit within a compact carrying case. |
      | travels                      | These on-the-go features might be great for travelers                  |

  @source-kania
  Scenario Outline: Travelers and those who want portability, told to get a headset, should look for parts that disassemble
    Given the user <need>
    And the user plays online games
    When I consult the expert
    Then the expert recommends a headset with certainty 1.0
    And the recommended features include foldable with certainty 0.4
    And the recommended features include detachable-mic with certainty 0.4
    And the explanation quotes "headsets with mics and other parts that disassemble"

    Examples:
      | need                         |
      | cares most about portability |
      | travels                      |

  @source-kania
  Scenario: A traveler told to get headphones is not told to look for a microphone that comes off
    Given the user travels
    And the user listens to music
    When I consult the expert
    Then the expert recommends headphones
    And the recommended features include foldable with certainty 0.4
    And the recommended features do not include detachable-mic
    And the explanation quotes "These on-the-go features might be great for travelers"

  @source-kania
  Scenario: Someone who wants portability and is told no kind: foldable ear cups, which either kind can have
    Given the user cares most about portability
    When I consult the expert
    Then the recommended features include foldable with certainty 0.4
    And the recommended features do not include detachable-mic
    And why recommendation.features is not detachable-mic mentions "recommendation.kind"

  @source-kania
  Scenario: A sound mixer who only uses studio equipment can skip travel features
    Given the user works in a studio
    When I consult the expert
    Then the advice includes skip-travel-features with certainty 1.0
    And the explanation quotes "they’ll be unnecessary expenses for a sound mixer who only uses their studio equipment"
    And recommendation.avoid includes foldable and detachable-mic with certainty 1.0
    And how recommendation.avoid mentions "These on-the-go features might be great for travelers"

  @source-kania
  Scenario Outline: A studio user who also travels or commutes still needs travel features
    Given the user works in a studio
    And the user <moves>
    When I consult the expert
    Then the advice does not include skip-travel-features

    Examples:
      | moves    |
      | travels  |
      | commutes |

  @source-difference-wiki
  Scenario: Someone who wants to move freely should look for wireless
    Given the user cares most about moving freely
    When I consult the expert
    Then the recommended features include wireless with certainty 0.6
    And the explanation quotes "Often wireless for ease of movement and multitasking."
    And the explanation quotes "She preferred a wireless headset to move freely during conference calls."
