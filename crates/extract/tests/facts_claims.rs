//! Claims (reported speech) through the public [`facts`]: one table of
//! attribution layouts, each an input and every claim expected from it
//! (content text without quotation marks, speaker, cue).
use newsdesk_extract::facts;
use newsdesk_model::{Article, Claim, Entity, Label, Mention};

/// An expected claim: (content text, speaker, cue).
type Want<'a> = (&'a str, Option<&'a str>, &'a str);

fn claims(text: &str, entities: &[Entity]) -> Vec<Claim> {
    let article = Article {
        text: text.to_string(),
        ..Article::default()
    };
    facts(&article, entities).claims
}

fn check(input: &str, entities: &[Entity], expected: &[Want<'_>]) {
    if let Some(failure) = mismatch(input, entities, expected) {
        panic!("{failure}");
    }
}

/// What differs between the claims of `input` and `expected`, if anything.
fn mismatch(input: &str, entities: &[Entity], expected: &[Want<'_>]) -> Option<String> {
    let got = claims(input, entities);
    let got_rows: Vec<(String, Option<String>, String)> = got
        .iter()
        .map(|c| {
            (
                c.text.clone(),
                c.speaker.clone(),
                c.cue.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want_rows: Vec<(String, Option<String>, String)> = expected
        .iter()
        .map(|(t, s, c)| (t.to_string(), s.map(str::to_string), c.to_string()))
        .collect();
    for c in &got {
        let ok = input.is_char_boundary(c.start)
            && input.is_char_boundary(c.end)
            && c.start < c.end
            && c.end <= input.len();
        if !ok {
            return Some(format!("input: {input}\nbad offsets {c:?}"));
        }
    }
    (got_rows != want_rows)
        .then(|| format!("input: {input}\n  got:  {got_rows:?}\n  want: {want_rows:?}"))
}

/// An entity whose mentions are every occurrence of each of `mentions`.
fn entity(text: &str, label: Label, name: &str, mentions: &[&str]) -> Entity {
    let mut ms: Vec<Mention> = mentions
        .iter()
        .flat_map(|m| {
            text.match_indices(m).map(|(start, t)| Mention {
                start,
                end: start + t.len(),
                text: t.to_string(),
            })
        })
        .collect();
    ms.sort_by_key(|m| m.start);
    Entity {
        label,
        name: name.to_string(),
        mentions: ms,
    }
}

const ERDOGAN: Option<&str> = Some("Erdogan");
const FULL: Option<&str> = Some("Recep Tayyip Erdogan");

#[test]
fn claim_layouts() {
    let cases: &[(&str, &[Want<'_>])] = &[
        // X said (that) ...
        (
            "Erdogan said the talks went well.",
            &[("the talks went well", ERDOGAN, "said")],
        ),
        (
            "Erdogan said that the talks went well.",
            &[("the talks went well", ERDOGAN, "said")],
        ),
        (
            "Erdogan has said Turkey cannot take more refugees.",
            &[("Turkey cannot take more refugees", ERDOGAN, "said")],
        ),
        (
            "Erdogan also said the corridor would open on Sunday.",
            &[("the corridor would open on Sunday", ERDOGAN, "said")],
        ),
        (
            "Erdogan said on Thursday that the talks had gone well.",
            &[("the talks had gone well", ERDOGAN, "said")],
        ),
        (
            "Erdogan on Thursday said the deal would hold.",
            &[("the deal would hold", ERDOGAN, "said")],
        ),
        (
            "Putin said Russia did not always agree with its Turkish partners.",
            &[(
                "Russia did not always agree with its Turkish partners",
                Some("Putin"),
                "said",
            )],
        ),
        // ..., X said. / ..., said X.
        (
            "The talks went well, Erdogan said.",
            &[("The talks went well", ERDOGAN, "said")],
        ),
        (
            "The talks went well, said Erdogan.",
            &[("The talks went well", ERDOGAN, "said")],
        ),
        (
            "The talks were constructive, Erdogan told reporters.",
            &[("The talks were constructive", ERDOGAN, "told")],
        ),
        (
            "The corridor will open next week, Erdogan said on Thursday.",
            &[("The corridor will open next week", ERDOGAN, "said")],
        ),
        (
            "Recep Tayyip Erdogan met Putin. The talks were constructive, he said.",
            &[("The talks were constructive", FULL, "said")],
        ),
        // X told reporters/Al Jazeera (that) ...
        (
            "Erdogan told reporters that Turkey would respond.",
            &[("Turkey would respond", ERDOGAN, "told")],
        ),
        (
            "Erdogan told Al Jazeera the ceasefire would hold.",
            &[("the ceasefire would hold", ERDOGAN, "told")],
        ),
        (
            "Erdogan told reporters on Thursday that the ceasefire would hold.",
            &[("the ceasefire would hold", ERDOGAN, "told")],
        ),
        (
            "Erdogan told the BBC that the corridor would open.",
            &[("the corridor would open", ERDOGAN, "told")],
        ),
        // according to X, ... / ..., according to X.
        (
            "According to the United Nations, nearly one million people have been displaced.",
            &[(
                "nearly one million people have been displaced",
                Some("United Nations"),
                "according to",
            )],
        ),
        (
            "Nearly one million people have been displaced, according to the United Nations.",
            &[(
                "Nearly one million people have been displaced",
                Some("United Nations"),
                "according to",
            )],
        ),
        (
            "According to the volunteer organisation White Helmets, 612 Syrian civilians have been killed.",
            &[(
                "612 Syrian civilians have been killed",
                Some("White Helmets"),
                "according to",
            )],
        ),
        (
            "According to Erdogan, the corridor will open soon.",
            &[("the corridor will open soon", ERDOGAN, "according to")],
        ),
        (
            "The corridor will open soon, according to Erdogan, and patrols will follow.",
            &[(
                "The corridor will open soon and patrols will follow",
                ERDOGAN,
                "according to",
            )],
        ),
        // X's statement that ...
        (
            "Moscow rejected Erdogan's statement that Turkey would retaliate.",
            &[
                (
                    "Erdogan's statement that Turkey would retaliate",
                    Some("Moscow"),
                    "rejected",
                ),
                ("Turkey would retaliate", ERDOGAN, "statement"),
            ],
        ),
        (
            "Recep Tayyip Erdogan spoke. Moscow rejected his claim that Turkey would retaliate.",
            &[
                (
                    "his claim that Turkey would retaliate",
                    Some("Moscow"),
                    "rejected",
                ),
                ("Turkey would retaliate", FULL, "claim"),
            ],
        ),
        // X warned/insisted/denied/claimed/announced/agreed (that) ...
        (
            "Putin warned that the offensive would continue.",
            &[("the offensive would continue", Some("Putin"), "warned")],
        ),
        (
            "Erdogan warned that Europe faced a fresh migratory crisis.",
            &[("Europe faced a fresh migratory crisis", ERDOGAN, "warned")],
        ),
        (
            "Erdogan insisted Turkey would not withdraw its troops.",
            &[("Turkey would not withdraw its troops", ERDOGAN, "insisted")],
        ),
        (
            "The Kremlin denied that Russian jets had struck the village.",
            &[(
                "Russian jets had struck the village",
                Some("Kremlin"),
                "denied",
            )],
        ),
        (
            "Lavrov claimed the rebels had broken the truce.",
            &[("the rebels had broken the truce", Some("Lavrov"), "claimed")],
        ),
        (
            "Ankara announced that the border would reopen.",
            &[("the border would reopen", Some("Ankara"), "announced")],
        ),
        (
            "Ankara agreed to establish a secure corridor.",
            &[("to establish a secure corridor", Some("Ankara"), "agreed")],
        ),
        (
            "Erdogan vowed to respond to any attack.",
            &[("to respond to any attack", ERDOGAN, "vowed")],
        ),
        // X added/indicated/stressed ...
        (
            "Erdogan added that Turkey would not back down.",
            &[("Turkey would not back down", ERDOGAN, "added")],
        ),
        (
            "Erdogan indicated that Turkey and Russia will work together.",
            &[("Turkey and Russia will work together", ERDOGAN, "indicated")],
        ),
        (
            "Putin stressed the need for a political solution.",
            &[(
                "the need for a political solution",
                Some("Putin"),
                "stressed",
            )],
        ),
        (
            "Ahelbarra pointed out that the deal favoured Ankara.",
            &[("the deal favoured Ankara", Some("Ahelbarra"), "pointed")],
        ),
        (
            "Lavrov argued that the agreement was fragile.",
            &[("the agreement was fragile", Some("Lavrov"), "argued")],
        ),
        (
            "Erdogan believes the corridor will hold.",
            &[("the corridor will hold", ERDOGAN, "believes")],
        ),
        (
            "The rebels called for a full withdrawal.",
            &[("a full withdrawal", None, "called")],
        ),
        // a partial quote inside a claim: the claim keeps the whole content
        (
            "Erdogan added that Turkey would not \"remain silent\" if attacked.",
            &[(
                "Turkey would not remain silent if attacked",
                ERDOGAN,
                "added",
            )],
        ),
        (
            "Putin said the deal will serve as a \"good basis for ending the fighting\".",
            &[(
                "the deal will serve as a good basis for ending the fighting",
                Some("Putin"),
                "said",
            )],
        ),
        // a direct quote is a quote, not a claim
        ("\"We will win,\" Erdogan said.", &[]),
        ("Erdogan said: \"We will win.\"", &[]),
        ("He told Al Jazeera: \"The regime will not withdraw.\"", &[]),
        (
            "\"It is over,\" the Turkish president told the state-owned Russia 24 channel.",
            &[],
        ),
        // speakers: names after appositives, pronouns, roles, institutions
        (
            "Putin, the Russian president, said the deal would hold.",
            &[("the deal would hold", Some("Putin"), "said")],
        ),
        (
            "Anton Mardasov, a Moscow-based analyst, said the Kremlin maintains the status quo.",
            &[(
                "the Kremlin maintains the status quo",
                Some("Anton Mardasov"),
                "said",
            )],
        ),
        (
            "Erdogan, speaking in Ankara, said the corridor will open.",
            &[("the corridor will open", ERDOGAN, "said")],
        ),
        (
            "Recep Tayyip Erdogan said the ceasefire would hold. He added that refugees could return.",
            &[
                ("the ceasefire would hold", FULL, "said"),
                ("refugees could return", FULL, "added"),
            ],
        ),
        (
            "Turkish President Recep Tayyip Erdogan met Putin in Moscow. The Turkish president said the talks were constructive.",
            &[("the talks were constructive", FULL, "said")],
        ),
        (
            "Mustafa Sejari was sceptical, saying that Erdogan and Putin were trying to save face.",
            &[(
                "Erdogan and Putin were trying to save face",
                Some("Mustafa Sejari"),
                "saying",
            )],
        ),
        (
            "Turkey's state-owned Anadolu news agency reported that Turkish forces killed 21 Syrian troops.",
            &[(
                "Turkish forces killed 21 Syrian troops",
                Some("Anadolu"),
                "reported",
            )],
        ),
        (
            "The White Helmets said 612 civilians had been killed.",
            &[(
                "612 civilians had been killed",
                Some("White Helmets"),
                "said",
            )],
        ),
        (
            "Ankara said it would retaliate with full force.",
            &[("it would retaliate with full force", Some("Ankara"), "said")],
        ),
        (
            "The Kremlin said the talks were useful.",
            &[("the talks were useful", Some("Kremlin"), "said")],
        ),
        (
            "A UN report found that 300 civilians had died.",
            &[("300 civilians had died", Some("UN"), "found")],
        ),
        // the cue inside its content
        (
            "Turkey, Erdogan said, would not withdraw.",
            &[("Turkey would not withdraw", ERDOGAN, "said")],
        ),
        // no named source: speaker null
        (
            "Analysts fear the truce will collapse.",
            &[("the truce will collapse", None, "fear")],
        ),
        (
            "Sources said the talks had stalled.",
            &[("the talks had stalled", None, "said")],
        ),
        (
            "Officials in Idlib said the ceasefire was dead.",
            &[("the ceasefire was dead", None, "said")],
        ),
        (
            "The two sides said the secure corridor would stretch 6km to the north.",
            &[(
                "the secure corridor would stretch 6km to the north",
                None,
                "said",
            )],
        ),
        (
            "They said their defence ministers would agree on the parameters.",
            &[(
                "their defence ministers would agree on the parameters",
                None,
                "said",
            )],
        ),
        (
            "The report found that 300 civilians had died.",
            &[("300 civilians had died", None, "found")],
        ),
        // nested claims: each cue has its own content
        (
            "Erdogan said the two leaders agreed to help refugees return.",
            &[
                (
                    "the two leaders agreed to help refugees return",
                    ERDOGAN,
                    "said",
                ),
                ("to help refugees return", None, "agreed"),
            ],
        ),
        // a participle shares the subject of its clause
        (
            "Trump later blamed a bad earpiece, claiming he had disavowed Duke.",
            &[
                (
                    "a bad earpiece, claiming he had disavowed Duke",
                    Some("Trump"),
                    "blamed",
                ),
                ("he had disavowed Duke", Some("Trump"), "claiming"),
            ],
        ),
        (
            "Rubio responded before adding that he must win some states in March.",
            &[("he must win some states in March", Some("Rubio"), "adding")],
        ),
        // a dateline is no subject
        (
            "WASHINGTON (AP) — Hillary Clinton met House Democrats on Wednesday, touting a message of unity.",
            &[("a message of unity", Some("Hillary Clinton"), "touting")],
        ),
        // a relative `who` takes its antecedent's name
        (
            "The panel included Trump, who suggested the battle could be left to Russia.",
            &[(
                "the battle could be left to Russia",
                Some("Trump"),
                "suggested",
            )],
        ),
        // an entourage speaks for its owner
        (
            "Clinton's team insisted the emails were not classified.",
            &[(
                "the emails were not classified",
                Some("Clinton"),
                "insisted",
            )],
        ),
        (
            "Trump's aides argued the system gives too much power to party elites.",
            &[(
                "the system gives too much power to party elites",
                Some("Trump"),
                "argued",
            )],
        ),
        // an expectation: its subject and the infinitive, no holder named
        (
            "Trump is expected to deliver a victory speech later tonight.",
            &[(
                "Trump to deliver a victory speech later tonight",
                None,
                "is expected",
            )],
        ),
        (
            "After the vote, all three candidates are expected to speak at the gala.",
            &[(
                "all three candidates to speak at the gala",
                None,
                "are expected",
            )],
        ),
        ("The result was expected.", &[]),
        // a headline: a short source, a colon, the content
        (
            "Lynch: No outside influence on FBI probe into Clinton emails.",
            &[(
                "No outside influence on FBI probe into Clinton emails",
                Some("Lynch"),
                ":",
            )],
        ),
        (
            "Clinton camp: Trump is unfit for the office.",
            &[("Trump is unfit for the office", Some("Clinton"), ":")],
        ),
        // a colon after a label, a time, or a clause is no source
        ("Update: the road to the border is open again.", &[]),
        ("Q: Will you run for the Senate again?", &[]),
        ("The polls opened at 8:40 in the morning.", &[]),
        ("Erdogan: Yes.", &[]),
        // a participle opening the sentence shares the subject after its comma
        (
            "Citing a new poll, Erdogan said the vote would be close.",
            &[
                ("a new poll", ERDOGAN, "citing"),
                ("the vote would be close", ERDOGAN, "said"),
            ],
        ),
        // a verb coordinated by `yet` or `or` shares the subject
        (
            "Erdogan demands transparency from others yet refuses to release his own records.",
            &[
                (
                    "transparency from others yet refuses to release his own records",
                    ERDOGAN,
                    "demands",
                ),
                ("to release his own records", ERDOGAN, "refuses"),
            ],
        ),
        // an owner speaks through its lawyer
        (
            "Erdogan's lawyer has said the case will be dropped.",
            &[("the case will be dropped", ERDOGAN, "said")],
        ),
        (
            "Ankara's tax commissioner says an internal review found no breach.",
            &[("an internal review found no breach", Some("Ankara"), "says")],
        ),
        (
            "The Guardian on Saturday wrote that Erdogan had met the envoy.",
            &[("Erdogan had met the envoy", Some("Guardian"), "wrote")],
        ),
        (
            "Erdogan, in particular, has sharply criticized the deal.",
            &[("the deal", ERDOGAN, "criticized")],
        ),
        (
            "The Times on Saturday wrote that Erdogan had met the envoy.",
            &[("Erdogan had met the envoy", Some("Times"), "wrote")],
        ),
        (
            "Sen. Bob Corker (R-Tenn.) said the vote would be close.",
            &[("the vote would be close", Some("Bob Corker"), "said")],
        ),
        // after a closing quotation mark, what follows the cue is its source
        (
            "\"We will not back down,\" said one official in Ankara.",
            &[],
        ),
        // not claims: idioms, passives, nouns, infinitives, objects
        ("That said, the truce is fragile.", &[]),
        ("The deal was reported to include a corridor.", &[]),
        ("He is said to be furious.", &[]),
        // a stance cue learned from PolNeAR; `to say` itself is no cue
        (
            "She declined to say whether talks would resume.",
            &[("to say whether talks would resume", None, "declined")],
        ),
        ("The reported deal includes a corridor.", &[]),
        ("Erdogan said so.", &[]),
        ("Rescuers found the bodies of two children.", &[]),
        ("A man called Ahmed runs the bakery.", &[]),
        ("The U.S.-backed forces held the highway.", &[]),
        (
            "The Russian military had no immediate comment on the claim.",
            &[],
        ),
    ];
    assert!(cases.len() >= 60, "{} layouts", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(input, expected)| mismatch(input, &[], expected))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} layouts differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn institutions_speak_through_their_head_noun() {
    let text = "The Turkish Defence Ministry published figures on Friday. \
                In a statement, the ministry said five soldiers were wounded.";
    let ministry = entity(
        text,
        Label::Org,
        "Turkish Defence Ministry",
        &["Turkish Defence Ministry"],
    );
    check(
        text,
        &[ministry],
        &[(
            "five soldiers were wounded",
            Some("Turkish Defence Ministry"),
            "said",
        )],
    );
}

#[test]
fn names_resolve_to_entities() {
    let text = "Recep Tayyip Erdogan met Vladimir Putin. Erdogan said the corridor would open.";
    let erdogan = entity(
        text,
        Label::Person,
        "Recep Tayyip Erdogan",
        &["Recep Tayyip Erdogan", "Erdogan said"],
    );
    check(
        text,
        &[erdogan],
        &[("the corridor would open", FULL, "said")],
    );
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "said",
        "according to",
        "according to,",
        ", said X.",
        "He said \"",
        "Erdogan's statement that",
        "“ said ” according to ‘ ’ .",
        "Ünal said ğüşö çok iyi.",
    ] {
        for c in claims(text, &[]) {
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            assert!(c.start <= c.end && c.end <= text.len());
        }
    }
}
