@sound
Feature: Sound quality
  Which device sounds better, what each kind is designed to focus on, and the sound features
  the articles mention (rules/sound.toml). A device with no microphone is headphones; a device
  with a boom microphone is a headset.

  @source-kania
  Scenario: Headphones offer better sound quality than headsets: a note comparing the classes
    Given a device with no microphone
    When I consult the expert
    Then the device is headphones
    And a note on headphones.sound_quality says better-than-headsets
    And the notes quote "headphones offer better sound quality and listening experience"
    And the device's sound quality is high with certainty below 1.0

  @source-kania
  Scenario: Especially professional-level headphones: their sound is high
    Given a device with no microphone
    And the device is a professional model
    When I consult the expert
    Then the device's sound quality is high with certainty 1.0
    And the explanation quotes "This is especially true if you're investing in professional-level headphones."

  Scenario Outline: Headphones focus on high-quality sound: the focus is said outright, the sound is a default
    Given a device with no microphone
    When I consult the expert
    Then the device's design focus includes sound-quality with certainty 1.0
    And the explanation quotes "<words>"
    And the device's sound quality is high with certainty 0.96
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | words                                                                          |
      | Headphones focus on delivering high-quality sound for music and audio listening |

    @source-digimigia
    Examples: Digimigia
      | words                                                             |
      | But the main job of headphones is to deliver high-quality audio. |

  @source-difference-wiki
  Scenario Outline: Over-ear and wired headphones often or can sound superior: notes on the class
    Given device.mic is none
    And device.<fact> is <value>
    When I consult the expert
    Then a note on headphones.sound_quality says <note>
    And the notes quote "<words>"

    Examples:
      | fact       | value    | note                      | words                                                      |
      | fit        | over-ear | over-ear-superior         | Over-ear headphones often provide superior sound quality   |
      | connection | wired    | wired-can-be-superior     | Wired headphones can offer superior sound quality          |
      | connection | wireless | wireless-greatly-improved | though wireless technology has greatly improved            |

  @source-difference-wiki
  Scenario: Over-ear headphones often provide superior comfort too: a note
    Given device.mic is none
    And device.fit is over-ear
    When I consult the expert
    Then a note on headphones.comfort says over-ear-superior

  @source-kania
  Scenario: A good pair of headphones can come with noise cancellation and sound controls: a note
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.features says anc and sound-controls
    And the notes quote "can come with everything from active noise cancellation to adjustable sound controls for things like bass and treble"

  Scenario Outline: What headphones are designed to focus on
    Given a device with no microphone
    When I consult the expert
    Then the device's design focus includes <focus>
    And the explanation quotes "<words>"

    @source-kania
    Examples: Kania
      | focus         | words                                                                 |
      | sound-quality | Since headphones prioritize good audio, their electronic drivers are more robust |

    @source-difference-wiki
    Examples: Difference Wiki
      | focus   | words                                  |
      | comfort | Design Focus Comfort and sound quality. |

  Scenario Outline: What headsets are designed to focus on
    Given a device with a boom microphone
    When I consult the expert
    Then the device is a headset
    And the device's design focus includes <focus>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | focus                           | words                                                  |
      | communication                   | while headsets are optimized for communication         |
      | comfort, mic-quality, usability | Balance of comfort, microphone clarity, and usability. |

    @source-difference-between
    Examples: Difference Between
      | focus         | words                                                                  |
      | sound-quality | Headsets are designed to enhance the quality of sound for both the user |

  @conflict @source-kania @source-difference-between
  Scenario: The articles disagree on how good a headset sounds
    Given a device with a boom microphone
    When I consult the expert
    Then the articles disagree on the device's sound quality
    And one side says mid-range, quoting "a top-performing headset will only deliver the quality of a mid-range level of headphones"
    And the other side says high, quoting "With their high-quality speakers that can be positioned to suit your preferences"
    And mid-range wins with certainty 1.0

  @conflict @source-kania @source-difference-between
  Scenario: A device with a built-in microphone sounds mid-range: it is a headset, and a top-performing headset only reaches mid-range
    Given a device with a built-in microphone
    When I consult the expert
    Then the articles disagree on the device's sound quality
    And one side says high, quoting "With their high-quality speakers that can be positioned to suit your preferences"
    And mid-range wins with certainty 1.0

  @source-kania
  Scenario: Headsets lack the sound quality serious audiophiles need
    Given a device with a boom microphone
    When I consult the expert
    Then the device's sound quality is mid-range
    And the explanation quotes "headsets have great microphone quality but lack the sound quality needed by serious audiophiles"

  @source-kania
  Scenario: Headsets tend to focus more on microphone quality: a note on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.focus says mic-quality
    And the notes quote "headsets tend to be focused more on microphone quality"
    And the notes quote "Again, this is most obvious at the professional level."

  @source-difference-between
  Scenario: Many headsets come with built-in amplifiers: a note on the class
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.features says amplifier
    And the notes quote "many headsets come with built-in amplifiers"

  @source-difference-between
  Scenario: A built-in amplifier lets you adjust the tone and volume
    Given a device with a built-in amplifier
    When I consult the expert
    Then the device's features include sound-controls with certainty 1.0
    And the explanation quotes "built-in amplifiers that enable you to adjust the tone and volume of the sound to your liking"

  @source-kania
  Scenario: "Nothing but the best" shoppers should get headphones
    Given the user cares most about sound quality
    When I consult the expert
    Then the expert recommends headphones with certainty 1.0
    And the explanation quotes "If you're a "nothing but the best" kind of shopper, headphones are the ones for you."

  @source-difference-wiki
  Scenario Outline: For sound quality, look for over-ear and wired headphones
    Given the user cares most about sound quality
    When I consult the expert
    Then the recommended features include <feature> with certainty <certainty>
    And the explanation quotes "<words>"

    Examples:
      | feature  | certainty | words                                                                   |
      | over-ear | 0.6       | Are over-ear headphones better for sound quality?                        |
      | wired    | 0.4       | Do wired headphones offer better sound quality than wireless?            |

  @source-kania
  Scenario: Headphones deliver higher input sound quality: kania's closing line, read as listening quality
    Given device.mic is inline
    When I consult the expert
    Then a note on headphones.sound_quality says better-than-headsets
    And the notes quote "Headphones tend to deliver higher input sound quality"
    And device.mic_quality is poor
    And there is no conflict on device.mic_quality

  @source-kania
  Scenario: A sound mixer in the studio should get professional-level headphones
    Given the user uses it for studio
    When I consult the expert
    Then the expert recommends headphones with certainty 1.0
    And the explanation quotes "This is especially true if you're investing in professional-level headphones."
    And the recommended tier is professional with certainty 1.0
    And the explanation quotes "a sound mixer who only uses their studio equipment"

  @source-kania
  Scenario: For sound quality, look for adjustable sound controls, which a good pair can come with
    Given the user cares most about sound quality
    When I consult the expert
    Then the recommended features include sound-controls with certainty 0.4
    And the explanation quotes "adjustable sound controls for things like bass and treble"

  @source-difference-between
  Scenario: Someone who wants sound and is told to get a headset should look for a built-in amplifier
    Given needs.priorities includes sound-quality
    And needs.uses includes online-gaming
    When I consult the expert
    Then recommendation.features includes amplifier
    And how recommendation.features mentions "many headsets come with built-in amplifiers that enable you to adjust the tone and volume"

  @explanation @source-kania @source-difference-between
  Scenario: How the expert decided that a headset sounds mid-range
    Given a device with a boom microphone
    When I ask how the expert concluded the device's sound quality
    Then the answer says the articles disagree and mid-range wins
    And the answer quotes "a top-performing headset will only deliver the quality of a mid-range level of headphones"
    And the answer quotes "With their high-quality speakers"
    And the answer cites "Bobby Kania"
    And the answer rests on my statement that the device's mic is boom
