@assessment
Feature: How a device suits the needs
  A stated device against stated needs: what about it works against them (concerns), what
  serves them (strengths), what would serve them better, and its fit, which follows from the
  concerns and strengths by the expert's own policy (rules/assessment.toml).

  @source-kania @source-assessment-policy
  Scenario: An in-line mic leaves much to be desired for online games: a poor fit
    Given device.mic is inline
    And needs.uses includes online-gaming
    When I consult the expert
    Then assessment.concerns includes poor-mic with certainty 1.0
    And assessment.concerns cites kania
    And how assessment.concerns mentions "leave much to be desired"
    And assessment.look_for includes boom-mic
    And assessment.fit is poor with certainty 1.0
    And assessment.fit cites assessment-policy

  @explanation @source-kania @source-assessment-policy
  Scenario: How the fit was reached: the policy's sentence, on the article's concern
    Given device.mic is inline
    And needs.uses includes online-gaming
    When I consult the expert
    Then how assessment.fit mentions "A device with a major concern for the stated needs is a poor fit for them."
    And how assessment.fit mentions "leave much to be desired regarding sound quality"
    And why assessment.fit is not good mentions "assessment.concerns"

  @explanation @source-kania
  Scenario: How the concerns were reached: the article's words and the stated facts
    Given device.mic is inline
    And needs.priorities includes mic-quality
    When I consult the expert
    Then how assessment.concerns mentions "only headsets have quality microphones"
    And how assessment.concerns mentions "device.mic = inline (you said so)"
    And how assessment.look_for mentions "assessment.inline-mic-for-mic-quality"

  @explanation @source-difference-wiki @source-kania
  Scenario: How the strengths were reached, and why a concern was not
    Given device.mic is boom
    And device.anc is true
    And needs.environment is noisy
    When I consult the expert
    Then how assessment.strengths mentions "She bought noise-cancelling headphones to focus in noisy environments."
    And how assessment.strengths mentions "device.anc = true (you said so)"
    And why assessment.concerns is not no-anc mentions "device.anc is true"

  @source-kania @source-assessment-policy
  Scenario: Open-back headphones in a noisy place: weaker isolation, a minor concern, a fair fit
    Given device.mic is none
    And device.back is open
    And needs.environment is noisy
    When I consult the expert
    Then assessment.concerns includes weaker-isolation
    And assessment.look_for includes closed-back and over-ear
    And assessment.fit is fair

  @source-kania @source-assessment-policy
  Scenario: A boom-mic headset for online games: strengths and no concern, a good fit
    Given device.mic is boom
    And needs.uses includes online-gaming
    When I consult the expert
    Then assessment.strengths includes boom-mic and made-for-communication
    And assessment.concerns is not concluded
    And assessment.fit is good with certainty 1.0

  @source-kania @source-difference-between @source-assessment-policy
  Scenario: A headset for a sound-quality priority: mid-range sound and high-quality speakers cannot both hold
    Given device.mic is boom
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.concerns includes mid-range-sound
    And assessment.concerns cites kania
    And assessment.strengths does not include high-quality-speakers
    And there is a conflict on assessment.strengths
    And assessment.look_for includes headphones
    And assessment.fit is poor

  @source-kania @source-assessment-policy
  Scenario: A headset whose microphone is not stated, for sound quality: mid-range sound, a poor fit
    Given device.type is headset
    And needs.uses includes music
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.concerns includes mid-range-sound with certainty 1.0
    And how assessment.concerns mentions "a top-performing headset will only deliver the quality of a mid-range level of headphones"
    And assessment.strengths does not include high-quality-speakers
    And assessment.look_for includes headphones
    And assessment.fit is poor with certainty 1.0

  @source-kania
  Scenario Outline: A headset whose microphone is not stated: the kind alone decides
    Given device.type is headset
    And needs.priorities includes <priority>
    When I consult the expert
    Then assessment.concerns includes <concern>
    And how assessment.concerns mentions "<words>"

    Examples:
      | priority   | concern                 | words                                                            |
      | comfort    | bulkier                 | they have an attached microphone that can make them bulkier and heavier |
      | durability | lower-quality-materials | they’re usually made with lower-quality materials                |

  @source-kania
  Scenario: A headset whose microphone is not stated, at $100 or more, for sound quality
    Given device.type is headset
    And device.price is 150
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.concerns includes mid-range-sound with certainty 1.0
    And how assessment.concerns mentions "the changes will be much more apparent when they’re $100 or more"

  @source-kania
  Scenario: An in-line-mic device is headphones: it is not assessed as a headset
    Given device.mic is inline
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.concerns is not concluded
    And assessment.strengths includes better-sound
    And assessment.fit is good

  @source-kania
  Scenario: Without needs there is nothing to weigh the device against
    Given device.mic is inline
    And device.anc is true
    When I consult the expert
    Then assessment.fit is not concluded
    And assessment.concerns is not concluded

  Scenario Outline: What counts against a device for the needs
    Given device.<fact> is <value>
    And needs.<need> <verb> <wanted>
    When I consult the expert
    Then assessment.concerns includes <concern>
    And assessment.fit is <fit>
    And how assessment.concerns mentions "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | fact            | value    | need        | verb     | wanted        | concern               | fit  | words                                                           |
      | mic             | none     | uses        | includes | calls         | no-mic                | poor | Yes, if they include a built-in microphone.                     |
      | mic             | none     | uses        | includes | online-gaming | no-mic                | poor | A headset is recommended for interactive communication in online gaming. |
      | anc             | false    | environment | is       | noisy         | no-anc                | fair | She bought noise-cancelling headphones to focus in noisy environments. |
      | connection      | wireless | priorities  | includes | sound-quality | wireless-sound        | fair | Wired headphones can offer superior sound quality               |
      | connection      | wired    | priorities  | includes | mobility      | wired-limits-movement | fair | Often wireless for ease of movement and multitasking.           |
      | sweat_resistant | false    | uses        | includes | sports        | not-sweat-resistant   | fair | designed to be sweat-resistant and secure                       |
      | translation     | false    | uses        | includes | translation   | no-translation        | poor | Some advanced headsets offer real-time translation features     |
      | anc             | false    | priorities  | includes | isolation     | no-anc                | fair | She bought noise-cancelling headphones to focus in noisy environments. |

    @source-difference-between
    Examples: Difference Between
      | fact | value    | need | verb     | wanted    | concern       | fit  | words                                                           |
      | mic  | none     | uses | includes | voip      | no-mic        | poor | headphones are designed solely for listening to audio           |
      | mic  | external | uses | includes | calls     | makeshift-mic | fair | may not provide the sound quality as a dedicated headset        |
      | mic  | external | priorities | includes | mic-quality | makeshift-mic | fair | may not provide the sound quality as a dedicated headset  |
      | plug | 3.5mm    | platform | is   | phone     | plug-mismatch | fair | Typically, mobile phones come equipped with a 2.5mm headset jack |
      | plug | usb-a    | platform | is   | iphone    | plug-mismatch | fair | the Apple iPhone has a 3.5mm audio jack                          |
      | type | headphones | uses   | includes | conferencing | no-mic   | poor | In general, headphones do not have a built-in microphone         |

    @source-digimigia
    Examples: Digimigia
      | fact | value | need | verb     | wanted    | concern | fit  | words                                              |
      | mic  | none  | uses | includes | recording | no-mic  | poor | If you want to record sound, you need a microphone |

    @source-kania
    Examples: Kania
      | fact     | value  | need        | verb     | wanted        | concern                  | fit  | words                                                       |
      | mic      | inline | uses        | includes | call-center   | poor-mic                 | poor | they’re only designed to be strong enough for things like phone calls |
      | mic      | inline | uses        | includes | recording     | poor-mic                 | poor | they’re only designed to be strong enough for things like phone calls |
      | mic      | inline | priorities  | includes | mic-quality   | poor-mic                 | poor | A more accurate statement would be that only headsets have quality microphones. |
      | back     | open   | priorities  | includes | isolation     | weaker-isolation         | fair | You can pretty much customize your level of sound isolation |
      | fit      | in-ear | environment | is       | noisy         | weaker-isolation         | fair | blocks out ambient noise better than any other kind         |
      | fit      | on-ear | priorities  | includes | isolation     | weaker-isolation         | fair | blocks out ambient noise better than any other kind         |
      | anc      | true   | priorities  | includes | battery-life  | anc-battery-drain        | poor | will eat through your battery life twice as quickly         |
      | weight   | heavy  | priorities  | includes | comfort       | heavy                    | fair | heavyweight, high-end headphones                            |
      | foldable | true   | uses        | includes | studio        | unneeded-travel-features | fair | unnecessary expenses for a sound mixer                      |
      | detachable_mic | true | uses    | includes | studio        | unneeded-travel-features | fair | unnecessary expenses for a sound mixer                      |
      | tier     | budget | priorities  | includes | durability    | short-term-build         | fair | You can find cheap ones for short-term usage                |
      | type     | headset | uses       | includes | studio        | mid-range-sound          | poor | a top-performing headset will only deliver the quality of a mid-range level of headphones |

  @source-kania @source-assessment-policy
  Scenario: A noisy place, calls and an in-line mic: the mic picks up noise
    Given device.mic is inline
    And needs.environment is noisy
    And needs.uses includes calls
    When I consult the expert
    Then assessment.concerns includes mic-picks-up-noise
    And how assessment.concerns mentions "Not only are they poor at external noise cancellation"
    And assessment.strengths includes mic-enough-for-calls and has-mic-for-calls
    And assessment.fit is fair

  @source-difference-wiki @source-assessment-policy
  Scenario: A noisy place, calls and a mic that reduces noise: calls are clearer
    Given device.mic is boom
    And device.mic_noise_reduction is true
    And needs.environment is noisy
    And needs.uses includes calls
    When I consult the expert
    Then assessment.strengths includes mic-noise-reduction with certainty 0.4
    And how assessment.strengths mentions "His headset had noise reduction, making calls clearer in noisy areas."
    And assessment.fit is good

  @source-difference-wiki
  Scenario: A noisy place, calls and a mic without noise reduction: look for it
    Given device.mic is builtin
    And device.mic_noise_reduction is false
    And needs.environment is noisy
    And needs.uses includes conferencing
    When I consult the expert
    Then assessment.concerns includes mic-picks-up-noise with certainty 0.4
    And assessment.look_for includes mic-noise-reduction
    And how assessment.concerns mentions "making calls clearer in noisy areas"

  @source-difference-wiki @source-difference-between
  Scenario: Headphones without a mic for calls: look for a built-in mic, or add one
    Given device.mic is none
    And needs.uses includes calls
    When I consult the expert
    Then assessment.look_for includes built-in-mic, external-mic and clip-on-mic
    And how assessment.look_for mentions "One example is a clip-on microphone or a boom microphone."

  @source-difference-wiki
  Scenario: Headphones without a mic for online games: look for a headset
    Given device.mic is none
    And needs.uses includes online-gaming
    When I consult the expert
    Then assessment.look_for includes headset

  @source-kania
  Scenario Outline: A headset whose weight or tier the user does not state
    Given device.mic is boom
    And needs.priorities includes <priority>
    And device.tier is <tier>
    When I consult the expert
    Then assessment.concerns includes <concern>
    And assessment.look_for includes <look>
    And assessment.fit is fair

    Examples:
      | priority   | tier      | concern                 | look        |
      | comfort    | mid-range | bulkier                 | lightweight |
      | durability | mid-range | lower-quality-materials | top-tier    |

  @source-kania
  Scenario: A headset of unstated tier, for durability: usually lower-quality materials
    Given device.mic is boom
    And needs.priorities includes durability
    When I consult the expert
    Then assessment.concerns includes lower-quality-materials with certainty 0.8
    And how assessment.concerns mentions "This isn’t a hard-and-fast rule"

  @source-kania @source-assessment-policy
  Scenario: A top-tier headset for durability is kania's exception: no lower-materials concern
    Given device.mic is boom
    And device.tier is premium
    And needs.priorities includes durability
    When I consult the expert
    Then assessment.strengths includes top-tier-build
    And assessment.concerns is not concluded
    And assessment.fit is good

  @source-kania @source-difference-between @source-assessment-policy
  Scenario: A light headset for comfort is kania's exception: no bulk concern
    Given device.mic is boom
    And device.weight is light
    And needs.priorities includes comfort
    When I consult the expert
    Then assessment.strengths includes lightweight and comfortable
    And assessment.concerns is not concluded
    And assessment.fit is good

  @source-kania @source-assessment-policy
  Scenario: An in-line mic for recording: look for a boom mic, whose sound is richer
    Given device.mic is inline
    And needs.uses includes recording
    When I consult the expert
    Then assessment.concerns includes poor-mic with certainty 1.0
    And assessment.look_for includes boom-mic
    And how assessment.look_for mentions "This results in a richer level of sound in terms of output."
    And assessment.fit is poor

  @source-kania
  Scenario: Premium headphones for someone watching the price: they can also skyrocket in price
    Given device.mic is none
    And device.tier is premium
    And needs.priorities includes price
    When I consult the expert
    Then assessment.concerns includes premium-price with certainty 1.0
    And how assessment.concerns mentions "Headphones can also skyrocket in price"
    And assessment.fit is fair

  @source-kania @source-assessment-policy
  Scenario: A premium device of any kind for someone watching the price
    Given device.tier is premium
    And needs.priorities includes price
    When I consult the expert
    Then assessment.concerns includes premium-price with certainty 1.0
    And how assessment.concerns mentions "premium, top-of-the-line models for serious audiophiles"
    And assessment.fit is fair with certainty 1.0

  @source-kania
  Scenario Outline: Keeping it for years: cheap ones are for short-term usage, top-tier ones last
    Given device.type is headset
    And device.tier is <tier>
    And needs.term is long-term
    When I consult the expert
    Then assessment.<attribute> includes <value> with certainty <certainty>
    And how assessment.<attribute> mentions "<words>"
    And assessment.fit is <fit>

    Examples:
      | tier    | attribute  | value            | certainty | words                                              | fit  |
      | budget  | concerns   | short-term-build | 0.4       | You can find cheap ones for short-term usage       | fair |
      | premium | strengths  | top-tier-build   | 1.0       | high-quality craftsmanship that can last for years | good |

  @source-kania @source-difference-wiki @source-assessment-policy
  Scenario: Noise cancellation that halves the battery is no strength for a traveller who puts battery life first
    Given device.anc is true
    And needs.priorities includes battery-life
    And needs.uses includes travel
    When I consult the expert
    Then assessment.concerns includes anc-battery-drain with certainty 1.0
    And assessment.strengths does not include anc
    And there is a conflict on assessment.concerns
    And assessment.fit is poor

  @source-kania
  Scenario Outline: A headset's sound at $100 or more, and at $20
    Given device.mic is boom
    And device.price is <price>
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.<attribute> includes <value>
    And how assessment.<attribute> mentions "<words>"

    Examples:
      | price | attribute | value             | words                                                            |
      | 150   | concerns  | mid-range-sound   | the changes will be much more apparent when they’re $100 or more |
      | 20    | strengths | no-noticeable-gap | you might not notice a difference between a $20 headset          |

  @source-kania @source-difference-between @source-assessment-policy
  Scenario: A $20 headset for sound quality is kania's exception: no mid-range concern, and no headphones to look for instead
    Given device.type is headset
    And device.price is 20
    And needs.priorities includes sound-quality
    And needs.budget is 20
    When I consult the expert
    Then assessment.concerns is not concluded
    And assessment.look_for is not concluded
    And assessment.strengths includes no-noticeable-gap with certainty 0.4
    And assessment.strengths includes high-quality-speakers
    And assessment.fit is good
    And why assessment.concerns is not mid-range-sound mentions "device.sound_gap"

  @source-kania @source-difference-wiki @source-digimigia
  Scenario: $15 headphones for sound quality: better than a headset is what might go unnoticed
    Given device.type is headphones
    And device.tier is budget
    And device.price is 15
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.strengths does not include better-sound
    And assessment.strengths includes high-quality-sound
    And why assessment.strengths is not better-sound mentions "device.sound_gap"

  @source-difference-between @source-assessment-policy
  Scenario: A plug that does not fit the iPhone's jack is certain but minor: there are ways to work around it
    Given device.mic is boom
    And device.plug is 2.5mm
    And needs.platform is iphone
    And needs.uses includes calls
    When I consult the expert
    Then assessment.concerns includes plug-mismatch with certainty 1.0
    And assessment.look_for includes 3.5mm
    And assessment.fit is fair with certainty 1.0
    And how assessment.fit mentions "A device with only minor concerns for the stated needs is a fair fit for them."

  @source-difference-wiki @source-assessment-policy
  Scenario Outline: Whether a device translates is stated: the concern or strength is certain
    Given device.type is headset
    And device.translation is <has>
    And needs.uses includes translation
    When I consult the expert
    Then assessment.<attribute> includes <value> with certainty 1.0
    And assessment.fit is <fit> with certainty 1.0

    Examples:
      | has   | attribute  | value          | fit  |
      | true  | strengths  | translation    | good |
      | false | concerns   | no-translation | poor |

  @source-difference-between @source-difference-wiki @source-assessment-policy
  Scenario: Headphones whose microphone is not stated, for calls: in general they have none
    Given device.type is headphones
    And needs.uses includes calls
    When I consult the expert
    Then assessment.concerns includes no-mic with certainty 0.8
    And how assessment.concerns mentions "In general, headphones do not have a built-in microphone"
    And assessment.look_for includes built-in-mic with certainty 1.0
    And how assessment.look_for mentions "Yes, if they include a built-in microphone."
    And assessment.fit is poor with certainty 0.8

  @source-kania @source-assessment-policy
  Scenario: A headset for studio work: a sound mixer's work is the sound, a headset's is mid-range
    Given device.type is headset
    And needs.uses includes studio
    When I consult the expert
    Then assessment.concerns includes mid-range-sound with certainty 1.0
    And how assessment.concerns mentions "a sound mixer who only uses their studio equipment"
    And assessment.look_for includes headphones
    And assessment.fit is poor

  @source-difference-between @source-assessment-policy
  Scenario Outline: A headset is designed for listening too
    Given device.type is headset
    And needs.uses includes <use>
    When I consult the expert
    Then assessment.strengths includes made-for-listening with certainty 1.0
    And assessment.fit is good

    Examples:
      | use        |
      | music      |
      | podcasts   |
      | audiobooks |

  Scenario Outline: What serves the needs
    Given device.<fact> is <value>
    And needs.<need> <verb> <wanted>
    When I consult the expert
    Then assessment.strengths includes <strength>
    And how assessment.strengths mentions "<words>"

    @source-kania
    Examples: Kania
      | fact           | value  | need        | verb     | wanted       | strength             | words                                                          |
      | mic            | inline | uses        | includes | voice-commands | mic-enough-for-calls | strong enough for things like phone calls and voice-activated commands |
      | mic            | inline | uses        | includes | conferencing | mic-enough-for-calls | strong enough for things like phone calls and voice-activated commands |
      | type           | headphones | uses    | includes | studio       | better-sound         | a sound mixer who only uses their studio equipment             |
      | mic            | boom   | priorities  | includes | mic-quality  | boom-mic             | This results in a richer level of sound in terms of output.    |
      | mic            | boom   | uses        | includes | gaming       | boom-mic             | come with an attached boom microphone                          |
      | mic            | none   | priorities  | includes | sound-quality | better-sound        | headphones offer better sound quality                          |
      | anc            | false  | priorities  | includes | battery-life | no-anc-drain         | will eat through your battery life twice as quickly            |
      | padded         | true   | priorities  | includes | comfort      | thick-padding        | thickly padded to cradle your ears                             |
      | mic            | none   | priorities  | includes | comfort      | most-comfortable     | The reigning champ is usually headphones.                      |
      | foldable       | true   | uses        | includes | travel       | foldable             | These on-the-go features might be great for travelers          |
      | detachable_mic | true   | uses        | includes | travel       | detachable-mic       | headsets with mics and other parts that disassemble            |
      | foldable       | true   | priorities  | includes | portability  | foldable             | Take portability, for example.                                 |
      | detachable_mic | true   | priorities  | includes | portability  | detachable-mic       | Take portability, for example.                                 |
      | tier           | professional | priorities | includes | durability | top-tier-build     | high-quality craftsmanship that can last for years             |

    @source-difference-wiki
    Examples: Difference Wiki
      | fact            | value    | need        | verb     | wanted        | strength           | words                                                    |
      | mic             | builtin  | uses        | includes | calls         | has-mic-for-calls  | Yes, if they include a built-in microphone.              |
      | mic             | none     | uses        | includes | movies        | made-for-listening | For music, movies, and personal audio.                   |
      | mic             | none     | uses        | includes | late-night    | private-listening  | Often used for private listening without disturbing others. |
      | mic             | boom     | uses        | includes | gaming        | made-for-communication | For gaming, calls, and professional use.             |
      | mic             | boom     | uses        | includes | conferencing  | made-for-communication | Suitable for teleconferencing and virtual meetings.  |
      | mic             | none     | priorities  | includes | sound-quality | high-quality-sound | Headphones focus on delivering high-quality sound        |
      | connection      | wired    | priorities  | includes | sound-quality | wired-sound        | Wired headphones can offer superior sound quality        |
      | connection      | wireless | priorities  | includes | mobility      | wireless           | She preferred a wireless headset to move freely          |
      | anc             | true     | environment | is       | noisy         | anc                | She bought noise-cancelling headphones                   |
      | anc             | true     | uses        | includes | travel        | anc                | For long flights, he preferred noise-cancelling over-ear headphones. |
      | mic             | none     | session     | is       | long          | designed-for-long-wear | for prolonged use                                    |
      | mic             | boom     | session     | is       | long          | designed-for-long-wear | Modern headsets are designed for comfort during extended use. |
      | sweat_resistant | true     | uses        | includes | sports        | sweat-resistant    | sweat-resistant and secure during physical activity      |
      | translation     | true     | uses        | includes | translation   | translation        | Some advanced headsets offer real-time translation features |
      | anc             | true     | priorities  | includes | isolation     | anc                | She bought noise-cancelling headphones                   |
      | type            | headphones | uses      | includes | sports        | worn-while-jogging | She wore her headphones while jogging to listen to music. |
      | bluetooth       | true     | platform    | is       | phone         | bluetooth-to-phone | Her wireless headphones connected via Bluetooth to her phone. |
      | mic_noise_reduction | true | uses        | includes | office        | mic-noise-reduction | specifically designed for office use                    |

    @source-difference-between
    Examples: Difference Between
      | fact | value    | need       | verb     | wanted      | strength               | words                                                    |
      | mic  | none     | uses       | includes | podcasts    | made-for-listening     | Headphones are typically used for personal listening     |
      | mic  | boom     | uses       | includes | voip        | made-for-communication | headsets are designed for both listening and communicating |
      | mic  | boom     | priorities | includes | mic-quality | clear-mic              | for both the user and the person on the other end        |
      | mic  | boom     | priorities | includes | comfort     | comfortable            | they provide a comfortable and convenient listening experience |
      | mic  | external | uses       | includes | online-gaming | works-as-headset     | This can be useful if you want to use your headphones for voice calls or online gaming. |
      | type | headset  | uses       | includes | podcasts    | made-for-listening     | headsets are designed for both listening to audio and communicating with others |
      | plug | 2.5mm    | platform   | is       | phone       | plug-matches           | allowing for easy and convenient connection of a headset |
      | plug | 3.5mm    | platform   | is       | iphone      | plug-matches           | the Apple iPhone has a 3.5mm audio jack                  |

    @source-digimigia
    Examples: Digimigia
      | fact | value | need       | verb     | wanted        | strength           | words                                                |
      | mic  | none  | priorities | includes | sound-quality | high-quality-sound | the main job of headphones is to deliver high-quality audio |

  @source-difference-wiki
  Scenario: Over-ear headphones often provide superior sound and comfort
    Given device.mic is none
    And device.fit is over-ear
    And needs.priorities includes sound-quality and comfort
    When I consult the expert
    Then assessment.strengths includes over-ear with certainty at least 0.6
    And how assessment.strengths mentions "Over-ear headphones often provide superior sound quality and comfort."

  @source-kania
  Scenario: Professional headphones for sound: especially true
    Given device.mic is none
    And device.tier is professional
    And needs.priorities includes sound-quality
    When I consult the expert
    Then assessment.strengths includes better-sound with certainty 1.0
    And how assessment.strengths mentions "especially true if you're investing in professional-level headphones"

  @source-kania
  Scenario: A closed-back, over-ear pair in a noisy place blocks out noise best
    Given device.back is closed
    And device.fit is over-ear
    And needs.environment is noisy
    When I consult the expert
    Then assessment.strengths includes best-isolation with certainty 1.0
    And how assessment.strengths mentions "blocks out ambient noise better than any other kind"

  @source-kania
  Scenario: A closed-back, over-ear pair for someone who wants isolation
    Given device.mic is none
    And device.back is closed
    And device.fit is over-ear
    And needs.priorities includes isolation
    When I consult the expert
    Then assessment.strengths includes best-isolation
    And assessment.fit is good

  @source-kania
  Scenario: No padding, for comfort: look for thick padding
    Given device.padded is false
    And needs.priorities includes comfort
    When I consult the expert
    Then assessment.look_for includes thick-padding

  @source-difference-wiki
  Scenario: An office user with a mic that does not reduce noise: look for one that does
    Given device.mic is boom
    And device.mic_noise_reduction is false
    And needs.uses includes office
    When I consult the expert
    Then assessment.look_for includes mic-noise-reduction
    And how assessment.look_for mentions "focusing on call clarity and noise reduction"

  @source-difference-wiki
  Scenario: A wireless headset at work is reliable
    Given device.mic is boom
    And device.connection is wireless
    And needs.uses includes call-center
    When I consult the expert
    Then assessment.strengths includes reliable-wireless
    And how assessment.strengths mentions "modern wireless headsets are reliable and widely used professionally"

  @source-difference-between
  Scenario Outline: A PC gamer: USB-A connects straightforwardly
    Given device.plug is <plug>
    And needs.platform is pc
    And needs.uses includes gaming
    When I consult the expert
    Then assessment.<attribute> includes <value>
    And how assessment.<attribute> mentions "It is a straightforward process to connect a gaming headset to a PC via a USB-A port."

    Examples:
      | plug  | attribute | value        |
      | usb-a | strengths | plug-matches |
      | 3.5mm | look_for  | usb-a        |

  Scenario Outline: A console player
    Given device.mic is <mic>
    And needs.platform is console
    When I consult the expert
    Then assessment.look_for includes <look>
    And how assessment.look_for mentions "<words>"

    @source-difference-wiki
    Examples: Difference Wiki
      | mic  | look               | words                                                 |
      | boom | console-compatible | many headsets are compatible with gaming consoles     |

    @source-kania
    Examples: Kania
      | mic  | look    | words                                                    |
      | none | headset | a “Call of Duty” player using a headset for his Xbox or other console |
