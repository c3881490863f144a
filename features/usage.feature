@usage
Feature: What each kind is for, and which one to get
  What headphones and headsets are suited for, and which one a user should get for what they
  do (rules/usage.toml).

  Scenario Outline: Which kind to get for what you do
    Given the user <activity>
    When I consult the expert
    Then the expert recommends <kind> with certainty <certainty>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | activity                | kind       | certainty | words                                                                     |
      | listens to music        | headphones | 0.99      | Headphones are primarily used for listening to audio.                     |
      | watches movies          | headphones | 0.8       | For music, movies, and personal audio.                                    |
      | plays games             | headset    | 0.84      | Commonly used in gaming for interactive communication.                    |
      | plays online games      | headset    | 1.0       | A headset is recommended for interactive communication in online gaming.  |
      | joins video conferences | headset    | 0.84      | often used in gaming, teleconferencing, and customer service environments |
      | works in a call center  | headset    | 0.84      | often used in gaming, teleconferencing, and customer service environments |
      | works in an office      | headset    | 1.0       | there are headsets specifically designed for office use                   |
      | listens late at night   | headphones | 0.6       | He used headphones to watch movies late at night.                         |
      | listens privately       | headphones | 0.6       | Often used for private listening without disturbing others.               |
      | goes jogging            | headphones | 0.4       | She wore her headphones while jogging to listen to music.                 |
      | travels                 | headphones | 0.4       | For long flights, he preferred noise-cancelling over-ear headphones.      |

    @source-difference-between
    Examples: Difference Between
      | activity              | kind       | certainty | words                                                                  |
      | listens to podcasts   | headphones | 0.96      | Headphones are typically used for personal listening to music, podcasts, audiobooks |
      | listens to audiobooks | headphones | 0.96      | Headphones are typically used for personal listening to music, podcasts, audiobooks |
      | makes VoIP calls      | headset    | 0.76      | Headsets are commonly used for voice calls, gaming, video conferencing |
      | makes calls           | headset    | 0.6       | Headsets are commonly used for voice calls, gaming, video conferencing |

    @source-digimigia
    Examples: Digimigia
      | activity            | kind       | certainty | words                                                      |
      | records sound       | headset    | 1.0       | If you want to record sound, you need a microphone        |
      | listens to podcasts | headphones | 0.96      | Finally, people mostly use headphones for listening to music or other audio. |

    @source-kania
    Examples: Kania
      | activity         | kind    | certainty | words                                                        |
      | makes VoIP calls | headset | 0.76      | An office worker using a headset for VoIP will have different needs |

  @source-kania
  Scenario: A Call of Duty player using a headset for his console
    Given the user plays games
    And the user uses a console
    When I consult the expert
    Then the expert recommends a headset with certainty 0.9
    And the explanation quotes "a “Call of Duty” player using a headset for his Xbox or other console"

  @source-kania
  Scenario: A console is for games: its user is the article's console gamer
    Given needs.platform is console
    When I consult the expert
    Then recommendation.kind is headset with certainty 0.4
    And recommendation.kind cites kania

  @source-kania
  Scenario: Commuting is not covered by the articles
    Given the user commutes
    When I consult the expert
    Then nothing is concluded about the recommendation
    And the advice does not include decide-what-you-need

  @source-kania
  Scenario: With no use stated, there is no clear winner: ask yourself what you need
    Given the user has not said what it is for
    When I consult the expert
    Then the advice includes decide-what-you-need with certainty 1.0
    And the explanation quotes "Before buying your next piece of tech, ask yourself what you need from it."
    And nothing is concluded about the recommendation

  @source-difference-wiki
  Scenario: Sports headphones are sweat-resistant and secure
    Given the user does sports
    When I consult the expert
    Then the recommended features include sweat-resistant and secure-fit with certainty 1.0
    And the explanation quotes "there are sports headphones designed to be sweat-resistant and secure during physical activity"

  @source-difference-wiki
  Scenario: Someone who wants headphones for sports hears that there are sports headphones
    Given device.mic is none
    And needs.uses includes sports
    When I consult the expert
    Then a note on headphones.models says sports
    And the notes quote "Are there headphones specifically for sports?"

  @source-difference-wiki
  Scenario: Some joggers wear only one earbud, to hear their surroundings
    Given the user cares most about hearing their surroundings
    When I consult the expert
    Then the advice includes one-earbud-for-awareness with certainty 0.4
    And the explanation quotes "Some joggers wear only one headphone in their ears"

  @source-difference-wiki
  Scenario: A sweat-resistant device can be suited for sports: there are sports headphones, sweat-resistant and secure
    Given a device with no microphone
    And the device is sweat-resistant
    When I consult the expert
    Then the device is suited for sports with certainty 0.4
    And the explanation quotes "there are sports headphones designed to be sweat-resistant"

  @source-difference-wiki
  Scenario: Office headsets focus on call clarity and noise reduction
    Given the user works in an office
    When I consult the expert
    Then the recommended features include mic-noise-reduction with certainty 1.0
    And the explanation quotes "focusing on call clarity and noise reduction"

  @source-difference-wiki
  Scenario: For long flights, noise-cancelling over-ear headphones
    Given the user travels
    When I consult the expert
    Then the recommended features include anc and over-ear with certainty 0.4
    And the explanation quotes "For long flights, he preferred noise-cancelling over-ear headphones."

  Scenario Outline: Headphones are for music, movies and personal audio
    Given a device with no microphone
    When I consult the expert
    Then the device is suited for <uses>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses                          | words                                                     |
      | music, movies, personal-audio | For music, movies, and personal audio.                    |

    @source-digimigia
    Examples: Digimigia
      | uses                  | words                                                   |
      | music, personal-audio | people mostly use headphones for listening to music or other audio |

  Scenario Outline: Headsets are for gaming, calls and professional use
    Given a device with a boom microphone
    When I consult the expert
    Then the device is suited for <uses>
    And the explanation quotes "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | uses                             | words                                                  |
      | gaming, calls, professional-use  | For gaming, calls, and professional use.               |
      | conferencing                     | Suitable for teleconferencing and virtual meetings.    |

  @source-difference-wiki
  Scenario: Headphones are often used for private listening, late at night: a note, not a verdict
    Given device.mic is none
    When I consult the expert
    Then a note on headphones.uses says private-listening and late-night
    And the notes quote "Often used for private listening without disturbing others."
    And the notes quote "He used headphones to watch movies late at night."

  @source-kania
  Scenario: Gaming, office and call-center headsets are examples: a note on the models on sale
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.models says gaming, office and call-center
    And the notes quote "headsets, like gaming headsets or ones used in office or call center settings"

  @source-difference-wiki
  Scenario: Headsets are commonly used in gaming: a note on how they are used
    Given device.mic is boom
    When I consult the expert
    Then a note on headsets.uses says online-gaming
    And the notes quote "Commonly used in gaming for interactive communication."

  @source-difference-wiki
  Scenario Outline: Headphones with a built-in microphone can be used for phone calls
    Given a device with <microphone>
    When I consult the expert
    Then the device is suited for calls with certainty 1.0
    And the explanation quotes "Can headphones be used for phone calls? Yes, if they include a built-in microphone."

    Examples:
      | microphone            |
      | a built-in microphone |
      | an in-line microphone |

  @conflict @source-difference-wiki @source-difference-between
  Scenario: Someone who owns headphones and plays online games: use them with a mic, or get a headset?
    Given the user already owns headphones
    And the user plays online games
    When I consult the expert
    Then the articles disagree on the recommendation
    And one side says headphones, quoting "This can be useful if you want to use your headphones for voice calls or online gaming."
    And the other side says headset, quoting "A headset is recommended for interactive communication in online gaming."
    And headset wins with certainty 1.0

  @source-kania
  Scenario: Kania: to receive and transmit excellent audio you need a headset, the exception to the best shoppers' headphones
    Given the user cares most about sound quality and microphone quality
    When I consult the expert
    Then the expert recommends a headset with certainty 1.0
    And the explanation quotes "If you’re looking to receive and transmit excellent audio levels, you will need a headset."
    And there is no conflict on recommendation.kind
    And why recommendation.kind is not headphones mentions "usage.receive-and-transmit-needs-headset"

  @source-kania
  Scenario: Sound and microphone quality first, at $100 or more: still a headset
    Given the user cares most about sound quality and microphone quality
    And the user has a budget of $150
    When I consult the expert
    Then the expert recommends a headset with certainty 1.0
    And there is no conflict on recommendation.kind

  @conflict @explanation @source-difference-wiki @source-difference-between
  Scenario: Music and online games: articles on both sides, and the recommended headset wins
    Given the user listens to music
    And the user plays online games
    When I ask how the expert concluded the recommendation
    Then the answer says the articles disagree and headset wins
    And the answer quotes "Headphones are primarily used for listening to audio."
    And the answer quotes "A headset is recommended for interactive communication in online gaming."

  @explanation @source-difference-wiki
  Scenario: What if a podcast listener also played online games?
    Given the user listens to podcasts
    When I ask what would change if the user also plays online games
    Then the recommendation changes from headphones to headset
    And the change is explained by the rule quoting "A headset is recommended for interactive communication in online gaming."

  @source-difference-wiki
  Scenario: What headsets are for, by the comparison chart: a note, not advice
    Given the user makes calls
    When I consult the expert
    Then a note on headsets.uses says calls
    And the notes quote "For gaming, calls, and professional use."
    And recommendation.kind is headset with certainty 0.6
    And recommendation.kind cites difference-between
    And the recommended features include built-in-mic with certainty 1.0
    And the explanation quotes "Can headphones be used for phone calls? Yes, if they include a built-in microphone."

  @source-difference-between
  Scenario: Someone who owns headphones and makes calls: add a microphone, the article's own exception
    Given the user already owns headphones
    And the user makes calls
    When I consult the expert
    Then the expert recommends headphones with certainty 0.4
    And the explanation quotes "This can be useful if you want to use your headphones for voice calls or online gaming."
    And there is no conflict on recommendation.kind
    And why recommendation.kind is not headset mentions "usage.headphones-as-makeshift-headset, an exception to it"
    And the recommended features include external-mic with certainty 0.4

  @source-difference-between
  Scenario: Someone who owns headphones and talks often: consider a dedicated headset
    Given the user already owns headphones
    And the user makes calls
    And the user talks with others frequently
    When I consult the expert
    Then the expert recommends a headset with certainty 0.4
    And the explanation quotes "you may want to consider investing in a dedicated headset with a built-in microphone"
    And there is no conflict on recommendation.kind

  @source-difference-between
  Scenario: Someone who owns headphones and talks often is not told to add a microphone to them
    Given the user already owns headphones
    And the user plays online games
    And the user talks with others frequently
    When I consult the expert
    Then the expert recommends a headset with certainty 1.0
    And the recommended features do not include external-mic
    And the recommended features do not include clip-on-mic
    And the recommended features include built-in-mic with certainty 0.4
    And the explanation quotes "you may want to consider investing in a dedicated headset with a built-in microphone"
    And the advice does not include check-mic-compatibility
    And why recommendation.features is not external-mic mentions "microphone.frequent-talkers-own-headphones, an exception to it"
