@comfort
Feature: Comfort
  Which kind is more comfortable, padding, bulk and weight, and long wear (rules/comfort.toml).

  @source-kania
  Scenario: The reigning champ of comfort is usually headphones: a note comparing the classes
    Given a device with no microphone
    When I consult the expert
    Then a note on headphones.comfort says more-comfortable-than-headsets
    And the notes quote "Which is more comfortable, headphone or headset? The reigning champ is usually headphones."

  @source-difference-wiki
  Scenario: Headphones are designed for comfort in prolonged use: comfortable by default
    Given a device with no microphone
    When I consult the expert
    Then the device's comfort is high with certainty 0.8
    And the explanation quotes "The design of headphones emphasizes comfort and sound quality for prolonged use."

  @source-kania
  Scenario: You can choose exactly how headphones rest on your head: they come in several styles
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.styles says over-ear and on-ear
    And the notes quote "You can choose exactly how they rest on your head since they're available in multiple styles"

  @source-kania
  Scenario: The most luxurious are thickly padded to cradle your ears
    Given a device with a boom microphone
    And the device is thickly padded
    When I consult the expert
    Then the device's comfort is high
    And the explanation quotes "The most luxurious will also be thickly padded to cradle your ears from their clamp force."

  @source-kania
  Scenario: Padding aims at comfort, it does not make a device comfortable for sure
    Given a device with no microphone
    And the device is thickly padded
    When I consult the expert
    Then device.comfort is high
    And the certainty of device.comfort is at most 0.96
    And how device.comfort mentions "to cradle your ears from their clamp force"

  @conflict @source-kania
  Scenario: A padded device stated to be heavy: the weight counts against the padding's comfort
    Given the device is thickly padded
    And the device is heavy
    And the device is over-ear
    When I consult the expert
    Then the articles disagree on the device's comfort
    And one side says high, quoting "The most luxurious will also be thickly padded to cradle your ears from their clamp force."
    And the other side says moderate, quoting "lightweight, less unwieldy headsets than heavyweight, high-end headphones"
    And high wins with certainty 0.8

  @source-kania @source-difference-wiki
  Scenario: Someone who wants comfort should get padded, over-ear headphones
    Given the user cares most about comfort
    When I consult the expert
    Then the expert recommends headphones with certainty 0.8
    And the explanation quotes "The reigning champ is usually headphones."
    And the recommended features include thick-padding with certainty 1.0
    And the explanation quotes "thickly padded to cradle your ears"
    And the recommended features include over-ear with certainty 0.6
    And the explanation quotes "Over-ear headphones often provide superior sound quality and comfort."

  @conflict @source-kania @source-difference-wiki @source-difference-between
  Scenario: Are headsets comfortable? Kania says they are not uncomfortable; the others say they are
    Given a device with a boom microphone
    When I consult the expert
    Then the articles disagree on the device's comfort
    And one side says moderate, quoting "Headsets aren't uncomfortable, but they have an attached microphone"
    And the other side says high, quoting "Modern headsets are designed for comfort during extended use."
    And a third side says high, quoting "they provide a comfortable and convenient listening experience"
    And high wins with certainty 0.96

  @source-kania
  Scenario: A headset's attached microphone can make it bulkier and heavier
    Given a device with a boom microphone
    When I consult the expert
    Then the device's bulk is bulky with certainty 0.4
    And the explanation quotes "they have an attached microphone that can make them bulkier and heavier"

  @source-kania
  Scenario: It is possible to find lightweight headsets: kania's exception to the bulk of the microphone
    Given device.mic is boom
    And device.weight is light
    When I consult the expert
    Then device.bulk is light with certainty 1.0
    And there is no conflict on device.bulk
    And device.bulk cites kania

  @explanation @source-kania
  Scenario: How a light headset's bulk was decided: the bulky-microphone rule is defeated
    Given device.mic is boom
    And device.weight is light
    When I consult the expert
    Then how device.bulk mentions "defeated: rule comfort.headset-mic-adds-bulk"
    And how device.bulk mentions "comfort.lightweight-headsets"

  @explanation @source-kania
  Scenario: Why a light headset is not bulky: the rule fired, but its exception defeated it
    Given device.mic is boom
    And device.weight is light
    When I consult the expert
    Then why device.bulk is not bulky mentions "was defeated by comfort.lightweight-headsets, an exception to it"

  @source-kania
  Scenario: High-end headphones can be heavyweight: a note, this pair may be light
    Given device.mic is none
    And device.tier is premium
    When I consult the expert
    Then device.bulk is not concluded
    And a note on headphones.bulk says high-end-can-be-heavy
    And the notes quote "lightweight, less unwieldy headsets than heavyweight, high-end headphones"

  @source-difference-wiki @source-difference-between
  Scenario: Headsets are often adjustable; their speakers can be positioned: notes on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.features says adjustable
    And the notes quote "often adjustable for user preference"
    And the notes quote "high-quality speakers that can be positioned to suit your preferences"

  @source-kania
  Scenario: Someone who wants comfort and is told to get a headset should look for a light one
    Given needs.priorities includes comfort
    And needs.uses includes online-gaming
    When I consult the expert
    Then recommendation.kind is headset
    And recommendation.features includes lightweight with certainty 0.4
    And how recommendation.features mentions "it is possible to find lightweight, less unwieldy headsets"

  @source-difference-wiki
  Scenario: For long sessions both kinds are designed for comfort
    Given needs.session is long
    When I consult the expert
    Then a note on headphones.comfort says designed-for-prolonged-use
    And a note on headsets.comfort says designed-for-extended-use
    And the notes quote "Modern headsets are designed for comfort during extended use."

  @source-difference-wiki
  Scenario: Someone who wears it for long sessions can choose either kind: both are designed for it
    Given the user wears it for long sessions
    When I consult the expert
    Then the advice includes either-kind-for-long-wear with certainty 0.8
    And the explanation quotes "Modern headsets are designed for comfort during extended use."
    And the explanation quotes "The design of headphones emphasizes comfort and sound quality for prolonged use."

  @source-difference-wiki
  Scenario: Someone who wears a headset for long sessions: modern headsets are designed for extended use
    Given the user wears it for long sessions
    And the user plays online games
    When I consult the expert
    Then the expert recommends a headset
    And the advice includes modern-headset-for-long-wear with certainty 0.8
    And the explanation quotes "Are headsets comfortable for long periods? Modern headsets are designed for comfort during extended use."

  @source-kania
  Scenario: Someone who wants comfort can choose how headphones rest on the head by their style
    Given the user cares most about comfort
    When I consult the expert
    Then the advice includes choose-fit-style with certainty 0.4
    And the explanation quotes "You can choose exactly how they rest on your head since they're available in multiple styles, such as over-ear and on-ear."
