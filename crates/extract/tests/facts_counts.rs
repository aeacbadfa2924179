//! Counts of people affected, through the public API: real casualty
//! sentences from the corpora (Reuters-21578, BBC news, the GVA local-news
//! articles and the seed articles), each with the counts it must give
//! (`text`, value, `count`, `period`), and sentences that must give none.
use newsdesk_extract::facts;
use newsdesk_model::Article;

/// (text, value, count, period)
type Want<'a> = (&'a str, f64, &'a str, Option<&'a str>);

fn counts(text: &str) -> Vec<(String, f64, String, Option<String>)> {
    let article = Article {
        text: text.to_string(),
        ..Article::default()
    };
    let qs = facts(&article, &[]).quantities;
    for q in &qs {
        assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()), "{text}");
    }
    qs.into_iter()
        .filter_map(|q| Some((q.text, q.value, q.count?, q.period)))
        .collect()
}

fn check(input: &str, expected: &[Want<'_>]) {
    let want: Vec<(String, f64, String, Option<String>)> = expected
        .iter()
        .map(|(t, v, c, p)| (t.to_string(), *v, c.to_string(), p.map(str::to_string)))
        .collect();
    assert_eq!(counts(input), want, "input: {input}");
}

const SEEDS: &[(&str, &[Want<'_>])] = &[
    (
        "Turkish forces killed 21 Syrian troops and destroyed two artillery pieces and two missile launchers, in retaliation of the killing of two Turkish soldiers in Idlib earlier on Thursday.",
        &[
            ("21 Syrian troops", 21.0, "killed", None),
            ("two Turkish soldiers", 2.0, "killed", None),
        ],
    ),
    (
        "Since last December, more than 300 civilians, including at least 100 children, have been killed in Idlib.",
        &[
            (
                "more than 300 civilians",
                300.0,
                "killed",
                Some("Since last December"),
            ),
            (
                "at least 100 children",
                100.0,
                "killed",
                Some("Since last December"),
            ),
        ],
    ),
    (
        "Nearly one million people have been internally displaced to the border with Turkey, most of them forced to camp out in the open.",
        &[("Nearly one million people", 1e6, "displaced", None)],
    ),
    (
        "After dozens of his troops were killed in Syria, Erdogan has threatened Europe with a fresh migratory crisis.",
        &[("dozens of his troops", 24.0, "killed", None)],
    ),
    (
        "The two Turkish soldiers who were killed in an attack in Idlib on Thursday raised the number of Turkish soldiers killed since the beginning of February to 60.",
        &[
            ("two Turkish soldiers", 2.0, "killed", None),
            (
                "60",
                60.0,
                "killed",
                Some("since the beginning of February"),
            ),
        ],
    ),
    (
        "Opposition activists there blamed Russian aircraft for an attack on a rebel-held village, which they said killed at least 15 people, including children, and wounded several others.",
        &[("at least 15 people", 15.0, "killed", None)],
    ),
    (
        "Raja Androon, a 65-year-old Syrian from Idlib whose two sons were killed by Syrian government forces, now lives in Antakya.",
        &[("two sons", 2.0, "killed", None)],
    ),
    (
        "According to the volunteer organisation White Helmets, 612 Syrian civilians have been killed by government forces and their allies since the beginning of this year.",
        &[(
            "612 Syrian civilians",
            612.0,
            "killed",
            Some("since the beginning of this year"),
        )],
    ),
    (
        "The Turkish Defense Ministry announced the killing of two soldiers on Thursday, by Syrian soldiers.",
        &[("two soldiers", 2.0, "killed", None)],
    ),
];

const REUTERS: &[(&str, &[Want<'_>])] = &[
    (
        "He said the explosion and fire, in which one worker was killed, occurred when the hydrocracker was not in operation.",
        &[("one worker", 1.0, "killed", None)],
    ),
    (
        "Ten officers were seriously wounded, it said.",
        &[("Ten officers", 10.0, "injured", None)],
    ),
    (
        "About 1,000 people are dead or missing.",
        &[("About 1,000 people", 1000.0, "affected", None)],
    ),
    (
        "A huge explosion in a flax factory in the northeast China city of Harbin killed 45 workers and injured 185, the official China Legal News reported.",
        &[
            ("45 workers", 45.0, "killed", None),
            ("185", 185.0, "injured", None),
        ],
    ),
    (
        "It said at least 2,000 Iraqi troops had been killed, wounded or captured.",
        &[("at least 2,000 Iraqi troops", 2000.0, "affected", None)],
    ),
    (
        "Mines Ltd will face charges of culpable homicide following last year's disaster when 177 gold miners died, the Attorney General's Office said.",
        &[("177 gold miners", 177.0, "killed", None)],
    ),
    (
        "A judge ruled that questions of liability in the 1985 crash of a Japan Air Lines Boeing 747 which killed 520 people near Tokyo will be decided in Seattle.",
        &[("520 people", 520.0, "killed", None)],
    ),
    (
        "Iranian troops fled the battlefield, leaving 220 men killed and many wounded.",
        &[("220 men", 220.0, "killed", None)],
    ),
    (
        "Golden Temple in Amritsar after six people including four policemen were wounded in a shooting incident in the complex, police said.",
        &[
            ("six people", 6.0, "injured", None),
            ("four policemen", 4.0, "injured", None),
        ],
    ),
    (
        "Dhaka, 174 drowned when a ferry capsized in China and 147 died when a launch sank off the Malaysian state of Sabah.",
        &[
            ("174 drowned", 174.0, "killed", None),
            ("147", 147.0, "killed", None),
        ],
    ),
    (
        "He said three port workers had died over the last month in accidents.",
        &[(
            "three port workers",
            3.0,
            "killed",
            Some("over the last month"),
        )],
    ),
    (
        "There were at least another 20 dead inside the boat, he added.",
        &[("20 dead", 20.0, "killed", None)],
    ),
    (
        "The rings failed and all seven shuttle astronauts died in the explosion.",
        &[("seven shuttle astronauts", 7.0, "killed", None)],
    ),
    (
        "In an earlier incident, two people were killed in an explosion and fire at the refinery on March 13.",
        &[("two people", 2.0, "killed", None)],
    ),
    (
        "Warsaw Pact vessel in the Baltic Sea and three sailors were injured, the Defence Ministry said.",
        &[("three sailors", 3.0, "injured", None)],
    ),
    (
        "Kaduna state and ordered all schools and colleges there closed after 11 people died in clashes between Moslems and Christians.",
        &[("11 people", 11.0, "killed", None)],
    ),
    (
        "Two people were killed in a previous explosion and fire at the plant on March 13.",
        &[("Two people", 2.0, "killed", None)],
    ),
    (
        "The mine was shut down by fire which has so far killed one and sent 17 to hospital, company officials said.",
        &[
            ("one", 1.0, "killed", Some("so far")),
            ("17", 17.0, "injured", None),
        ],
    ),
    (
        "Murdochville, Quebec, copper mine was shut down by the fire that trapped 44 miners and killed at least one.",
        &[("one", 1.0, "killed", None)],
    ),
    (
        "New Zealand following yesterday's strong tremor which left 3,000 people homeless.",
        &[("3,000 people homeless", 3000.0, "displaced", None)],
    ),
    (
        "The storm, which lashed the Huai and Yangtze rivers and eastern Anhui province, left two people dead and 800 others injured.",
        &[
            ("two people dead", 2.0, "killed", None),
            ("800 others", 800.0, "injured", None),
        ],
    ),
    (
        "The fires which began on May 6 have killed 191 people.",
        &[("191 people", 191.0, "killed", None)],
    ),
    (
        "About 135,000 people were evacuated and 31 were killed after an explosion and fire at Chernobyl last April 26.",
        &[
            ("About 135,000 people", 135_000.0, "evacuated", None),
            ("31", 31.0, "killed", None),
        ],
    ),
    (
        "Communist hitmen known as sparrows have claimed they killed 22 of them.",
        &[("22", 22.0, "killed", None)],
    ),
    (
        "The march 5 tremor caused an estimated one billion dlrs in damage and left 1,000 people dead or missing.",
        &[("1,000 people dead", 1000.0, "affected", None)],
    ),
];

const BBC: &[(&str, &[Want<'_>])] = &[
    (
        "At least 60 people were arrested worldwide - 45 of them in the US.",
        &[("At least 60 people", 60.0, "arrested", None)],
    ),
    (
        "Eleven people were wrongly convicted of making and planting the IRA bombs which killed seven people.",
        &[("seven people", 7.0, "killed", None)],
    ),
    (
        "In riots that spread to the Midlands, Merseyside, Bristol and Leeds, nearly 400 people were injured and buildings and vehicles were set alight.",
        &[("nearly 400 people", 400.0, "injured", None)],
    ),
    (
        "UK joins a three-minute silence at noon across the EU for the estimated 150,000 dead.",
        &[("estimated 150,000 dead", 150_000.0, "killed", None)],
    ),
    (
        "The attack, which killed five, was the first of its kind since he took office.",
        &[("five", 5.0, "killed", None)],
    ),
    (
        "They blamed drunken Liverpool football fans for the 1989 Hillsborough disaster in which 96 died.",
        &[("96", 96.0, "killed", None)],
    ),
    (
        "Four months after the Cantona incident a Palace fan, Paul Nixon, was killed prior to an FA Cup semi-final at Villa Park.",
        &[
            ("a Palace fan", 1.0, "killed", None),
            ("Paul Nixon", 1.0, "killed", None),
        ],
    ),
    (
        "A 19-year-old man from Camberley, Surrey, was arrested by the National Hi-Tech Crime Unit but has been bailed.",
        &[("A 19-year-old man", 1.0, "arrested", None)],
    ),
    (
        "Mr Conlon's father Giuseppe was arrested when travelling to London from Belfast to help his son.",
        &[("Giuseppe", 1.0, "arrested", None)],
    ),
    (
        "Hearts could also face action after three fans were arrested for throwing coins on the pitch.",
        &[("three fans", 3.0, "arrested", None)],
    ),
    (
        "The tsunami hit Thailand, where more than 5,000 people were killed.",
        &[("more than 5,000 people", 5000.0, "killed", None)],
    ),
];

const GVA: &[(&str, &[Want<'_>])] = &[
    (
        "Police said a 3-year-old boy has been killed in a shooting late Sunday morning in Kansas City.",
        &[("a 3-year-old boy", 1.0, "killed", None)],
    ),
    (
        "Two people were injured and taken to the hospital.",
        &[("Two people", 2.0, "injured", None)],
    ),
    (
        "Friday when a freshman at Northern Arizona University killed one person and wounded three others, authorities said.",
        &[
            ("one person", 1.0, "killed", None),
            ("three others", 3.0, "injured", None),
        ],
    ),
    (
        "A teenager is dead and three other men are injured after a shooting in Chattanooga Sunday.",
        &[
            ("A teenager", 1.0, "killed", None),
            ("three other men", 3.0, "injured", None),
        ],
    ),
    (
        "A man and a woman were killed and two men were wounded Saturday evening in a shooting.",
        &[
            ("A man", 1.0, "killed", None),
            ("A man and a woman", 2.0, "killed", None),
            ("a woman", 1.0, "killed", None),
            ("two men", 2.0, "injured", None),
        ],
    ),
    (
        "Police say four people were shot and wounded, including a 17-year-old boy who was pistol whipped in the head, and then shot in the ankle.",
        &[("four people", 4.0, "injured", None)],
    ),
    (
        "A 27-year-old man from Irvington and a 34-year-old man from East Orange were also wounded in the melee, officials said.",
        &[
            ("A 27-year-old man", 1.0, "injured", None),
            (
                "A 27-year-old man from Irvington and a 34-year-old man",
                2.0,
                "injured",
                None,
            ),
            ("a 34-year-old man", 1.0, "injured", None),
        ],
    ),
    (
        "An 8-year-old boy, a 9-year-old boy and a 16-year-old girl were shot.",
        &[
            ("An 8-year-old boy", 1.0, "injured", None),
            (
                "An 8-year-old boy, a 9-year-old boy and a 16-year-old girl",
                3.0,
                "injured",
                None,
            ),
            ("a 9-year-old boy", 1.0, "injured", None),
            ("a 16-year-old girl", 1.0, "injured", None),
        ],
    ),
    (
        "A shooting in Red Hook, Brooklyn, left five people wounded late Monday, according to police sources.",
        &[("five people", 5.0, "injured", None)],
    ),
    (
        "Jefferson County deputies are investigating a shooting which killed one man and injured three others near Bessemer.",
        &[
            ("one man", 1.0, "killed", None),
            ("three others", 3.0, "injured", None),
        ],
    ),
    (
        "LMPD is investigating after one person was shot on Penway Ave.",
        &[("one person", 1.0, "injured", None)],
    ),
    (
        "FWPD says a disturbance inside the Studio 74 dance hall spills outside where 6 people were shot.",
        &[("6 people", 6.0, "injured", None)],
    ),
    (
        "A 36-year-old woman was also shot in the left hand.",
        &[("A 36-year-old woman", 1.0, "injured", None)],
    ),
    (
        "Police were called to a shooting Saturday morning that left one dead, four injured and a juvenile arrested, facing a charge of murder, Las Vegas police said.",
        &[
            ("one dead", 1.0, "killed", None),
            ("four injured", 4.0, "injured", None),
            ("a juvenile", 1.0, "arrested", None),
        ],
    ),
    (
        "ROBERTSON COUNTY, Ky (LEX 18) A child is dead after KSP says he was accidentally shot.",
        &[
            ("A child", 1.0, "killed", None),
            ("he", 1.0, "affected", None),
        ],
    ),
    (
        "Philadelphia Police have announced that a teenage boy has died following a shooting that took place on Wednesday afternoon.",
        &[("a teenage boy", 1.0, "killed", None)],
    ),
    (
        "Michael Willie Briggs was killed.",
        &[("Michael Willie Briggs", 1.0, "killed", None)],
    ),
    (
        "There were five people who were injured in the shooting.",
        &[("five people", 5.0, "injured", None)],
    ),
    (
        "Two teenage boys were shot and wounded Monday evening in a Stockton neighborhood, police said.",
        &[("Two teenage boys", 2.0, "injured", None)],
    ),
    (
        "2 dead, 1 child injured after gunman opens fire at family gathering",
        &[
            ("2 dead", 2.0, "killed", None),
            ("1 child", 1.0, "injured", None),
        ],
    ),
    (
        "Two people were killed and 1 child was injured in a shooting on the city's east side Saturday evening.",
        &[
            ("Two people", 2.0, "killed", None),
            ("1 child", 1.0, "injured", None),
        ],
    ),
    (
        "A 3-year-old child has been killed in what appears to be an accidental shooting in Jefferson.",
        &[("A 3-year-old child", 1.0, "killed", None)],
    ),
    (
        "The Sheriff's Office has charged a 4th suspect in a deadly gas station shootout that left one dead and three injured.",
        &[
            ("one dead", 1.0, "killed", None),
            ("three injured", 3.0, "injured", None),
        ],
    ),
    (
        "Four people shot outside Warren County store, 3 arrested",
        &[
            ("Four people shot", 4.0, "injured", None),
            ("3 arrested", 3.0, "arrested", None),
        ],
    ),
    (
        "The Louisville Metro Police Department is investigating after a 12-year-old boy was shot and killed by his younger brother.",
        &[("a 12-year-old boy", 1.0, "killed", None)],
    ),
    (
        "A security guard at a nightclub where two teens were killed says she saw someone attack with a semi-automatic weapon.",
        &[("two teens", 2.0, "killed", None)],
    ),
    (
        "Darrell Powers said 16-year-old Cederrius Hastings was shot to death Saturday morning.",
        &[("Cederrius Hastings", 1.0, "killed", None)],
    ),
    (
        "Three other adult males were also injured.",
        &[("Three other adult males", 3.0, "injured", None)],
    ),
    (
        "Rangel was rushed to a nearby hospital, but died the next day.",
        &[("Rangel", 1.0, "killed", None)],
    ),
    (
        "The victim was taken to a hospital, where he died.",
        &[
            ("The victim", 1.0, "killed", None),
            ("he", 1.0, "killed", None),
        ],
    ),
    (
        "The woman was hospitalized and later died.",
        &[("The woman", 1.0, "killed", None)],
    ),
    (
        "A man was taken to the hospital but is expected to survive.",
        &[("A man", 1.0, "injured", None)],
    ),
    (
        "Two people were shot, one fatally, on the city's north side.",
        &[
            ("Two people", 2.0, "affected", None),
            ("Two people were shot, one fatally", 1.0, "injured", None),
            ("one fatally", 1.0, "killed", None),
        ],
    ),
    (
        "Four teens were shot, one fatally, outside the school.",
        &[
            ("Four teens", 4.0, "affected", None),
            ("Four teens were shot, one fatally", 3.0, "injured", None),
            ("one fatally", 1.0, "killed", None),
        ],
    ),
    (
        "Two teens were charged in the shooting death of a 15-year-old boy who was shot in the head.",
        &[("a 15-year-old boy", 1.0, "killed", None)],
    ),
    (
        "Police are investigating the fatal shootings of four people in a home.",
        &[("four people", 4.0, "killed", None)],
    ),
    (
        "A shooting at the Cook-Out sent four people to the hospital, police said.",
        &[("four people", 4.0, "injured", None)],
    ),
    (
        "Three other people were treated at a hospital and released.",
        &[("Three other people", 3.0, "injured", None)],
    ),
    (
        "Four others are recovering in local hospitals.",
        &[("Four others", 4.0, "injured", None)],
    ),
    (
        "A teen was struck by what may have been celebratory gunfire.",
        &[("A teen", 1.0, "injured", None)],
    ),
    (
        "Three men walked into a gas station with gunshot wounds on Saturday night.",
        &[("Three men", 3.0, "injured", None)],
    ),
    (
        "One person was transported to Carolinas Medical Center by Medic.",
        &[("One person", 1.0, "injured", None)],
    ),
    (
        "Officers say five people were shot during a house party. One man died at the scene.",
        &[
            ("five people", 5.0, "affected", None),
            ("five people were shot", 4.0, "injured", None),
            ("One man", 1.0, "killed", None),
        ],
    ),
    (
        "Angelique Chase is charged with fatally shooting her 17-year-old son.",
        &[("her 17-year-old son", 1.0, "killed", None)],
    ),
    (
        "Police said a 43-year-old woman and her son were found dead in their home.",
        &[
            ("a 43-year-old woman", 1.0, "killed", None),
            ("a 43-year-old woman and her son", 2.0, "killed", None),
            ("her son", 1.0, "killed", None),
        ],
    ),
    (
        "Police say a stray bullet has claimed the life of a three-year-old girl.",
        &[("a three-year-old girl", 1.0, "killed", None)],
    ),
    (
        "The boy passed away on Sunday from his gunshot wounds.",
        &[("The boy", 1.0, "killed", None)],
    ),
    (
        "Damon Sochko, 16, of Morgantown, died Wednesday after being shot in the head Monday.",
        &[("Damon Sochko", 1.0, "killed", None)],
    ),
];

/// Layouts written after patterns seen in the GVA articles: a parenthetical
/// between double hyphens, an age after a full name, a bare noun listed
/// after a person, an object pronoun.
const LAYOUTS: &[(&str, &[Want<'_>])] = &[
    (
        "Two people -- including a toddler -- were wounded in a shooting on Monday night, police said.",
        &[("Two people", 2.0, "injured", None)],
    ),
    (
        "Deputies said Dana Miles, 64 was found dead inside the house.",
        &[("Dana Miles", 1.0, "killed", None)],
    ),
    (
        "A mother and son were found fatally shot in their home on Thursday.",
        &[
            ("A mother", 1.0, "killed", None),
            ("A mother and son", 2.0, "killed", None),
            ("son", 1.0, "killed", None),
        ],
    ),
    (
        "Both men were killed in the shooting, police said.",
        &[("Both men", 2.0, "killed", None)],
    ),
    (
        "Four people were shot on the east side. One of those people died.",
        &[
            ("Four people", 4.0, "affected", None),
            ("Four people were shot", 3.0, "injured", None),
            ("One of those people", 1.0, "killed", None),
        ],
    ),
    (
        "Police said the teen accidentally shot himself in the leg on Sunday.",
        &[
            ("the teen", 1.0, "injured", None),
            ("himself", 1.0, "injured", None),
        ],
    ),
    (
        "Three people were shot to death and another was injured on Friday night.",
        &[
            ("Three people", 3.0, "killed", None),
            ("another", 1.0, "injured", None),
        ],
    ),
    (
        "Two more people have been fatally shot in the city.",
        &[("Two more people", 2.0, "killed", None)],
    ),
    (
        "A stray bullet killed a girl on Friday night. Three other people were also shot.",
        &[
            ("a girl", 1.0, "killed", None),
            ("Three other people", 3.0, "injured", None),
        ],
    ),
    (
        "The gun went off as his cousin held it, killing him instantly.",
        &[("him", 1.0, "killed", None)],
    ),
    // an age written in two words is still an age
    (
        "A 16-year old girl was killed in the crash.",
        &[("A 16-year old girl", 1.0, "killed", None)],
    ),
    (
        "An 18-month old was injured.",
        &[("An 18-month old", 1.0, "injured", None)],
    ),
    // a number word before an age counts the people after the age
    (
        "Two 17-year-old boys were shot and killed on Friday night.",
        &[("Two", 2.0, "killed", None)],
    ),
    (
        "Police said three 20-year old men were wounded.",
        &[("three", 3.0, "injured", None)],
    ),
    // a health centre or an emergency room is a hospital
    (
        "A teenager was taken to Mercy Health Center, where he died.",
        &[
            ("A teenager", 1.0, "killed", None),
            ("he", 1.0, "killed", None),
        ],
    ),
    (
        "Two men were rushed to the emergency room.",
        &[("Two men", 2.0, "injured", None)],
    ),
    // `died from a ...` is natural only when an illness follows the article
    (
        "A 15-year-old boy died from a hunting accident Saturday.",
        &[("A 15-year-old boy", 1.0, "killed", None)],
    ),
];

/// Sentences with casualty words and no count of people affected.
const NONE: &[&str] = &[
    "No one was hurt.",
    // a plural that opens the sentence is not a name, and says no number
    "Minors were hurt in the crash.",
    "Nobody was injured in the blast.",
    "The fire could have killed two people.",
    "The bomb would have killed dozens of people.",
    "The storm nearly killed three hikers.",
    "Three men were not injured.",
    "They tried to kill three guards.",
    "He fired 10 shots.",
    "Swain, who authorities say was shot four times, is expected to survive.",
    "Two artillery pieces were destroyed.",
    "Two officers said they were attacked.",
    "Police arrested no one.",
    "Mrs Hassan, 59, who led Care International operations in Iraq, was abducted in Baghdad on 19 October.",
    "And irregular save points mean you have to backtrack each time you are killed.",
    "Charlie Bell, the former head of fast-food giant McDonald's, has died of cancer aged 44.",
    "The singer died of a heart attack in 1998.",
    "The actor died from a long illness in May.",
    "He passed away at home in East Sussex, just 11 days after his wife Audrey died aged 91.",
    "Ms Holmes is not missing but there have been no sightings of Ferguson since Monday.",
    "Both teens were 16-years-old when they were shot and killed at a house party in July.",
    "The mother was not injured in the shooting, police said.",
    "The second victim, an adult male, was not shot.",
    "A fifth victim was found at an area hospital.",
    "Twenty-three-year-old Raashon Jackson is the third suspect to be arrested.",
    "Investigators say a man killed his girlfriend and her daughter at her home in Galvez.",
    "The company cut 300 jobs after the chief executive died.",
    "Kenteris was suspended for missing three drugs tests.",
];

#[test]
fn counts_from_the_corpora() {
    let mut n = 0;
    for (input, expected) in SEEDS
        .iter()
        .chain(REUTERS)
        .chain(BBC)
        .chain(GVA)
        .chain(LAYOUTS)
    {
        check(input, expected);
        n += expected.len();
    }
    assert!(n >= 80, "only {n} expressions");
}

#[test]
fn no_counts() {
    for input in NONE {
        check(input, &[]);
    }
}
