//! Facts across a story: the members' quantities, dates, quotes and claims aligned, each
//! fact marked `agree`, `differ` or `single`.
//!
//! Mentions ([`mention`]) of different documents are paired when they can be the same
//! fact: quantities of one dimension that count the same thing (`of`, or the counting
//! verb) or are told in the same words around them; dates of compatible values or told
//! in the same words; quotes and claims of one speaker with overlapping content words.
//! Pairs are joined strongest first into facts; a fact holds one report per document,
//! unless a document restates the same value (then every restatement is a report).
//! Copies (near-duplicates) are left out, so a wire report and its copies never agree
//! with themselves: only originals are counted.

mod mention;

pub(crate) use mention::floor as floor_boundary;

use mention::{Kind, Mention};
use newsdesk_model::{Document, Fact, FactReport};
use std::collections::BTreeMap;

/// Pairs scoring below this are not the same fact.
const MIN_PAIR: f64 = 0.25;
/// Two mentions of one document join one fact only when this similar (and equal).
const MIN_SAME_DOC: f64 = 0.6;

/// Aligns the facts of `docs` (the story's originals, in story order).
pub(crate) fn facts(docs: &[&Document]) -> Vec<Fact> {
    let ms: Vec<Mention> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| mention::mentions(d, i))
        .collect();
    // scored pairs, strongest first (ties: earlier mentions first)
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for a in 0..ms.len() {
        for b in a + 1..ms.len() {
            let s = similarity(&ms[a], &ms[b]);
            let need = if ms[a].doc == ms[b].doc {
                MIN_SAME_DOC
            } else {
                MIN_PAIR
            };
            if s >= need && (ms[a].doc != ms[b].doc || equal(&ms[a], &ms[b])) {
                pairs.push((s, a, b));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    // greedy joining: a fact may hold several mentions of one document only if all agree
    let mut fact_of: Vec<usize> = (0..ms.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..ms.len()).map(|i| vec![i]).collect();
    for (_, a, b) in pairs {
        let (fa, fb) = (fact_of[a], fact_of[b]);
        if fa == fb {
            continue;
        }
        let ok = members[fa].iter().all(|&x| {
            members[fb]
                .iter()
                .all(|&y| ms[x].doc != ms[y].doc || equal(&ms[x], &ms[y]))
        });
        // every cross pair must at least be compatible (same kind of thing)
        let compatible = ok
            && members[fa]
                .iter()
                .all(|&x| members[fb].iter().all(|&y| compatible(&ms[x], &ms[y])));
        if !compatible {
            continue;
        }
        let (keep, gone) = (fa.min(fb), fa.max(fb));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            fact_of[m] = keep;
        }
        members[keep].extend(moved);
    }

    let mut out: Vec<(usize, Fact)> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_by_key(|&i| (ms[i].doc, ms[i].start));
            let first = m[0];
            (first, build(&ms, &m, docs))
        })
        .collect();
    // facts several documents report first, then by kind and first mention
    out.sort_by(|(fa, a), (fb, b)| {
        let docs_a = distinct_docs(a);
        let docs_b = distinct_docs(b);
        docs_b
            .cmp(&docs_a)
            .then(a.kind.cmp(&b.kind))
            .then(ms[*fa].doc.cmp(&ms[*fb].doc))
            .then(ms[*fa].start.cmp(&ms[*fb].start))
    });
    let mut facts = totals(&ms, docs);
    facts.extend(out.into_iter().map(|(_, f)| f));
    facts
}

/// One document's wording of a fact: the mention `x`, in the document it comes from.
fn report(x: &Mention, docs: &[&Document]) -> FactReport {
    FactReport {
        document: docs
            .get(x.doc)
            .map(|d| d.article.id.clone())
            .unwrap_or_default(),
        text: x.text.clone(),
        start: x.start,
        end: x.end,
        value: x.report_value(),
        unit: x.unit.clone(),
    }
}

/// The story's own count of each kind of people affected (`killed`, `injured`, ...): the
/// largest value that at least two documents state for the event (counts over a period the
/// text names left out). Outlets name single victims (`a man`, `the boy`) as often as the
/// total, and a later report may add to an earlier one, so the largest agreed value is the
/// event's count; it is `agree` by construction, with each stating document's first
/// wording of it. Kinds no two documents agree on have no total.
fn totals(ms: &[Mention], docs: &[&Document]) -> Vec<Fact> {
    // kind -> value (as the integer it counts) -> documents stating it, first mention each
    let mut by: BTreeMap<&str, BTreeMap<i64, BTreeMap<usize, usize>>> = BTreeMap::new();
    for (i, m) in ms.iter().enumerate() {
        let Some(kind) = m.count.as_deref() else {
            continue;
        };
        if m.kind != Kind::Quantity || m.period || m.unit.is_some() || !m.number.is_finite() {
            continue;
        }
        let value = m.number.round();
        if !(1.0..=1e9).contains(&value) || (m.number - value).abs() > 1e-9 {
            continue;
        }
        by.entry(kind)
            .or_default()
            .entry(value as i64)
            .or_default()
            .entry(m.doc)
            .or_insert(i);
    }
    let mut out = Vec::new();
    for (kind, values) in by {
        let Some((_, stated)) = values.iter().rev().find(|(_, d)| d.len() >= 2) else {
            continue;
        };
        let reports = stated.values().map(|&i| report(&ms[i], docs)).collect();
        out.push(Fact {
            kind: kind_name(Kind::Quantity).to_string(),
            about: format!("people {kind} in all"),
            status: "agree".to_string(),
            speaker: None,
            count: Some(kind.to_string()),
            reports,
        });
    }
    out
}

fn distinct_docs(f: &Fact) -> usize {
    let mut d: Vec<&str> = f.reports.iter().map(|r| r.document.as_str()).collect();
    d.sort_unstable();
    d.dedup();
    d.len()
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Quantity => "quantity",
        Kind::Date => "date",
        Kind::Quote => "quote",
        Kind::Claim => "claim",
    }
}

fn build(ms: &[Mention], m: &[usize], docs: &[&Document]) -> Fact {
    let first = &ms[m[0]];
    let mut by_doc: BTreeMap<usize, Vec<&Mention>> = BTreeMap::new();
    for &i in m {
        by_doc.entry(ms[i].doc).or_default().push(&ms[i]);
    }
    let status = if by_doc.len() < 2 {
        "single"
    } else if matches!(first.kind, Kind::Quote | Kind::Claim)
        || m.iter().all(|&i| m.iter().all(|&j| equal(&ms[i], &ms[j])))
    {
        "agree"
    } else {
        "differ"
    };
    let kind = if m.iter().any(|&i| ms[i].kind == Kind::Quote) {
        Kind::Quote
    } else {
        first.kind
    };
    let reports = m.iter().map(|&i| report(&ms[i], docs)).collect();
    Fact {
        kind: kind_name(kind).to_string(),
        about: about(ms, m),
        status: status.to_string(),
        speaker: m.iter().find_map(|&i| ms[i].speaker_name.clone()),
        count: first.count.clone(),
        reports,
    }
}

/// What the fact is about: what is counted or measured, else the words its reports share.
fn about(ms: &[Mention], m: &[usize]) -> String {
    let first = &ms[m[0]];
    let shared = shared_context(ms, m);
    match first.kind {
        Kind::Quantity => {
            let of = m.iter().find_map(|&i| ms[i].of_text.clone());
            let dim = match first.unit.as_deref() {
                Some("m") => "distance",
                Some("s") => "duration",
                Some("kg") => "mass",
                Some("%") => "share",
                Some(_) => "amount",
                None => "number",
            };
            match (of, &first.count) {
                (Some(of), Some(c)) => format!("{of} {c}"),
                (Some(of), None) => of,
                (None, Some(c)) => format!("people {c}"),
                (None, None) if shared.is_empty() => dim.to_string(),
                (None, None) => format!("{dim}: {shared}"),
            }
        }
        Kind::Date => {
            if shared.is_empty() {
                "date".to_string()
            } else {
                format!("date: {shared}")
            }
        }
        Kind::Quote | Kind::Claim => {
            let who = first
                .speaker_name
                .clone()
                .unwrap_or_else(|| "unattributed".into());
            if shared.is_empty() {
                who
            } else {
                format!("{who}: {shared}")
            }
        }
    }
}

/// Up to four context words every document of the fact uses (most documents first).
fn shared_context(ms: &[Mention], m: &[usize]) -> String {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    let mut docs: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for &i in m {
        docs.entry(ms[i].doc)
            .or_default()
            .extend(ms[i].context.iter().map(String::as_str));
    }
    for words in docs.values_mut() {
        words.sort_unstable();
        words.dedup();
        for w in words.iter() {
            *n.entry(w).or_default() += 1;
        }
    }
    let need = docs.len();
    let mut v: Vec<(&str, usize)> = n.into_iter().filter(|(_, c)| *c >= need).collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(crate::text::idf(b.0).total_cmp(&crate::text::idf(a.0)))
            .then(a.0.cmp(b.0))
    });
    v.into_iter()
        .take(4)
        .map(|(w, _)| w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Jaccard similarity of two sorted word lists.
fn jaccard(a: &[String], b: &[String]) -> f64 {
    let shared = crate::score::sorted_shared(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Whether two mentions can be the same fact at all.
fn compatible(a: &Mention, b: &Mention) -> bool {
    match (a.kind, b.kind) {
        (Kind::Quantity, Kind::Quantity) => {
            a.unit == b.unit
                && a.count == b.count
                // a count over a period the text names (`since May`) is not the event's
                && a.period == b.period
                && (a.count.is_some() || a.of.is_none() || b.of.is_none() || a.of == b.of)
        }
        (Kind::Date, Kind::Date) => {
            precision(&a.value) == precision(&b.value) || dates_equal(&a.value, &b.value)
        }
        (Kind::Quote | Kind::Claim, Kind::Quote | Kind::Claim) => {
            a.speaker.is_some() && a.speaker == b.speaker
        }
        _ => false,
    }
}

/// Whether two compatible mentions state the same value.
fn equal(a: &Mention, b: &Mention) -> bool {
    match (a.kind, b.kind) {
        (Kind::Quantity, Kind::Quantity) => {
            (a.number - b.number).abs() <= a.tolerance.max(b.tolerance).max(1e-9 * a.number.abs())
        }
        (Kind::Date, Kind::Date) => dates_equal(&a.value, &b.value),
        (Kind::Quote | Kind::Claim, Kind::Quote | Kind::Claim) => a.speaker == b.speaker,
        _ => false,
    }
}

/// How alike two mentions are as one fact (0 when they cannot be the same).
fn similarity(a: &Mention, b: &Mention) -> f64 {
    if !compatible(a, b) {
        return 0.0;
    }
    let ctx = jaccard(&a.context, &b.context);
    match a.kind {
        Kind::Quantity => {
            let same_thing = a.of.is_some() && a.of == b.of || a.count.is_some();
            match (same_thing, equal(a, b)) {
                (true, true) => 0.6 + ctx,
                (true, false) => 0.4 + ctx,
                (false, true) => 0.2 + ctx * 1.5,
                // told alike but not named alike and not equal: only when nearly the same words
                (false, false) => ctx - 0.2,
            }
        }
        Kind::Date => {
            if equal(a, b) {
                0.2 + ctx * 1.5
            } else {
                ctx * 0.8
            }
        }
        Kind::Quote | Kind::Claim => {
            let shared = crate::score::sorted_shared(&a.context, &b.context);
            if shared < 2 {
                return 0.0;
            }
            // cosine over the word sets: a short quote inside a long claim of the same
            // speaker shares its few words with many utterances, so the shorter side alone
            // must not decide
            let norm = ((a.context.len() * b.context.len()) as f64).sqrt().max(1.0);
            shared as f64 / norm + 0.1
        }
    }
}

/// `2020`, `2020-03`, `2020-03-05`, `2020-03-05T..`: 1 to 4.
fn precision(v: &str) -> usize {
    match v.len() {
        0..=4 => 1,
        5..=7 => 2,
        8..=10 => 3,
        _ => 4,
    }
}

/// Two date values name the same time: equal, or the same day where one gives a time of
/// day and the other a part of the day or a time within two hours.
fn dates_equal(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (Some(da), Some(db)) = (a.get(..10), b.get(..10)) else {
        return false;
    };
    if da != db || a.len() <= 10 || b.len() <= 10 {
        return false;
    }
    let hour = |v: &str| -> Option<f64> {
        let t = v.get(11..)?;
        match t {
            "MO" => Some(9.0),
            "AF" => Some(15.0),
            "EV" => Some(19.0),
            "NI" => Some(23.0),
            _ => {
                let h: f64 = t.get(..2)?.parse().ok()?;
                let m: f64 = t.get(3..5).and_then(|m| m.parse().ok()).unwrap_or(0.0);
                Some(h + m / 60.0)
            }
        }
    };
    match (hour(a), hour(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= 2.0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::{Article, Extraction, Quantity, Quote};

    /// A quantity or a quote found in a text by its words.
    enum Item {
        /// words, value, unit, of, qualifier
        Q(
            &'static str,
            f64,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        ),
        /// words, speaker
        S(&'static str, &'static str),
    }
    use Item::{Q, S};

    fn doc(id: &str, text: &str, items: &[Item]) -> Document {
        let mut x = Extraction::default();
        for item in items {
            match item {
                Q(words, value, unit, of, qualifier) => {
                    let start = text.find(words).expect("in text");
                    x.quantities.push(Quantity {
                        text: words.to_string(),
                        value: *value,
                        unit: unit.map(String::from),
                        qualifier: qualifier.map(String::from),
                        start,
                        end: start + words.len(),
                        of: of.map(String::from),
                        value_max: None,
                        conversion_mismatch: false,
                        count: None,
                        period: None,
                    });
                }
                S(words, speaker) => {
                    let start = text.find(words).expect("in text");
                    x.quotes.push(Quote {
                        text: words.to_string(),
                        speaker: Some(speaker.to_string()),
                        cue: Some("said".into()),
                        start,
                        end: start + words.len(),
                    });
                }
            }
        }
        x.quantities.sort_by_key(|q| q.start);
        Document {
            article: Article {
                id: id.into(),
                text: text.into(),
                ..Article::default()
            },
            extraction: x,
        }
    }

    /// The facts of the documents as `(status, [(document, report text)])`.
    fn check(docs: &[Document], expected: &[(&str, &[(&str, &str)])]) {
        let refs: Vec<&Document> = docs.iter().collect();
        let got: Vec<(String, Vec<(String, String)>)> = facts(&refs)
            .into_iter()
            .map(|f| {
                (
                    f.status,
                    f.reports
                        .into_iter()
                        .map(|r| (r.document, r.text))
                        .collect(),
                )
            })
            .collect();
        let want: Vec<(String, Vec<(String, String)>)> = expected
            .iter()
            .map(|(s, rs)| {
                (
                    s.to_string(),
                    rs.iter()
                        .map(|(d, t)| (d.to_string(), t.to_string()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn values_agree_within_the_precision_written() {
        check(
            &[
                doc(
                    "a",
                    "Troops built a corridor 12 km wide.",
                    &[Q("12 km", 12000.0, Some("m"), Some("corridor"), None)],
                ),
                doc(
                    "b",
                    "The corridor is 12.4 km wide, officials said.",
                    &[Q("12.4 km", 12400.0, Some("m"), Some("corridor"), None)],
                ),
            ],
            &[("agree", &[("a", "12 km"), ("b", "12.4 km")])],
        );
        check(
            &[
                doc(
                    "a",
                    "Troops built a corridor 12 km wide.",
                    &[Q("12 km", 12000.0, Some("m"), Some("corridor"), None)],
                ),
                doc(
                    "b",
                    "The corridor is 14 km wide, officials said.",
                    &[Q("14 km", 14000.0, Some("m"), Some("corridor"), None)],
                ),
            ],
            &[("differ", &[("a", "12 km"), ("b", "14 km")])],
        );
    }

    #[test]
    fn a_distance_on_each_side_is_half_the_width() {
        check(
            &[
                doc(
                    "a",
                    "The security corridor will run six km on each side of the M4 highway.",
                    &[Q("six km", 6000.0, Some("m"), None, None)],
                ),
                doc(
                    "b",
                    "They agreed a 12-kilometre corridor along the M4 highway.",
                    &[Q(
                        "12-kilometre corridor",
                        12000.0,
                        Some("m"),
                        Some("corridor"),
                        None,
                    )],
                ),
                doc(
                    "c",
                    "A security corridor 6km to the north and 6km to the south of the M4 highway.",
                    &[Q("6km", 6000.0, Some("m"), None, None)],
                ),
            ],
            &[
                (
                    "agree",
                    &[("a", "six km on each side"), ("b", "12-kilometre corridor")],
                ),
                ("single", &[("c", "6km")]),
            ],
        );
    }

    #[test]
    fn halves_told_apart_make_one_width() {
        let text = "A security corridor 6km to the north and 6km to the south of the M4 highway.";
        let second = text.rfind("6km").unwrap();
        let mut c = doc("c", text, &[Q("6km", 6000.0, Some("m"), None, None)]);
        let mut q2 = c.extraction.quantities[0].clone();
        q2.start = second;
        q2.end = second + 3;
        c.extraction.quantities.push(q2);
        check(
            &[
                c,
                doc(
                    "b",
                    "They agreed a 12-kilometre security corridor along the M4 highway.",
                    &[Q(
                        "12-kilometre",
                        12000.0,
                        Some("m"),
                        Some("corridor"),
                        None,
                    )],
                ),
            ],
            &[(
                "agree",
                &[
                    ("c", "6km to the north and 6km to the south"),
                    ("b", "12-kilometre"),
                ],
            )],
        );
    }

    #[test]
    fn qualifiers_are_kept_and_do_not_differ() {
        check(
            &[
                doc(
                    "a",
                    "The talks in Moscow lasted six hours.",
                    &[Q("six hours", 21600.0, Some("s"), None, None)],
                ),
                doc(
                    "b",
                    "After more than six hours of talks in Moscow, they agreed.",
                    &[Q(
                        "more than six hours",
                        21600.0,
                        Some("s"),
                        None,
                        Some("more than"),
                    )],
                ),
            ],
            &[("agree", &[("a", "six hours"), ("b", "more than six hours")])],
        );
    }

    /// `doc` with its quantities counting `count` and, where given, over a period.
    fn counting(mut d: Document, count: &str, periods: &[Option<&str>]) -> Document {
        for (q, p) in d.extraction.quantities.iter_mut().zip(periods) {
            q.count = Some(count.into());
            q.period = p.map(String::from);
        }
        d
    }

    #[test]
    fn counts_of_one_kind_align_and_periods_stay_apart() {
        check(
            &[
                counting(
                    doc(
                        "a",
                        "Four people were shot. Two women were among them.",
                        &[
                            Q("Four people", 4.0, None, Some("people"), None),
                            Q("Two women", 2.0, None, Some("women"), None),
                        ],
                    ),
                    "injured",
                    &[None, None],
                ),
                counting(
                    doc(
                        "b",
                        "Four victims were wounded. Police said 20 people were shot since May.",
                        &[
                            Q("Four victims", 4.0, None, Some("victims"), None),
                            Q("20 people", 20.0, None, Some("people"), None),
                        ],
                    ),
                    "injured",
                    &[None, Some("since May")],
                ),
            ],
            &[
                // the story's total: the largest value both state, the period's left out
                ("agree", &[("a", "Four people"), ("b", "Four victims")]),
                ("agree", &[("a", "Four people"), ("b", "Four victims")]),
                ("single", &[("a", "Two women")]),
                ("single", &[("b", "20 people")]),
            ],
        );
    }

    #[test]
    fn the_total_is_the_largest_count_several_outlets_state() {
        let docs = [
            counting(
                doc(
                    "a",
                    "A man was killed. Police said three people died.",
                    &[
                        Q("A man", 1.0, None, Some("man"), None),
                        Q("three people", 3.0, None, Some("people"), None),
                    ],
                ),
                "killed",
                &[None, None],
            ),
            counting(
                doc(
                    "b",
                    "Three people were killed, among them a man of 30. Five died in May.",
                    &[
                        Q("Three people", 3.0, None, Some("people"), None),
                        Q("a man", 1.0, None, Some("man"), None),
                        Q("Five", 5.0, None, None, None),
                    ],
                ),
                "killed",
                &[None, None, None],
            ),
            counting(
                doc(
                    "c",
                    "The gunman killed a man, police said.",
                    &[Q("a man", 1.0, None, Some("man"), None)],
                ),
                "killed",
                &[None],
            ),
        ];
        let refs: Vec<&Document> = docs.iter().collect();
        let got = facts(&refs);
        let total = &got[0];
        assert_eq!(total.about, "people killed in all");
        assert_eq!(total.status, "agree");
        assert_eq!(total.count.as_deref(), Some("killed"));
        let reports: Vec<(&str, &str)> = total
            .reports
            .iter()
            .map(|r| (r.document.as_str(), r.text.as_str()))
            .collect();
        // three, not the man all three name, nor the five only one states
        assert_eq!(reports, [("a", "three people"), ("b", "Three people")]);
        assert_eq!(
            got.iter().filter(|f| f.about.ends_with(" in all")).count(),
            1
        );

        // one outlet alone gives no total
        let refs: Vec<&Document> = docs[..1].iter().collect();
        assert!(facts(&refs).iter().all(|f| !f.about.ends_with(" in all")));
    }

    #[test]
    fn different_things_stay_single() {
        check(
            &[
                doc(
                    "a",
                    "Two soldiers were killed in the attack.",
                    &[Q("Two soldiers", 2.0, None, Some("soldiers"), None)],
                ),
                doc(
                    "b",
                    "The two leaders met in Moscow.",
                    &[Q("two leaders", 2.0, None, Some("leaders"), None)],
                ),
            ],
            &[
                ("single", &[("a", "Two soldiers")]),
                ("single", &[("b", "two leaders")]),
            ],
        );
    }

    #[test]
    fn one_utterance_in_other_words_agrees() {
        check(
            &[
                doc(
                    "a",
                    "\"This is a good basis for ending the fighting in the Idlib de-escalation zone,\" Putin said.",
                    &[S(
                        "This is a good basis for ending the fighting in the Idlib de-escalation zone",
                        "Vladimir Putin",
                    )],
                ),
                doc(
                    "b",
                    "\"We have a solid basis for ending the battles in the Idlib de-escalation zone,\" said Putin.",
                    &[S(
                        "We have a solid basis for ending the battles in the Idlib de-escalation zone",
                        "Putin",
                    )],
                ),
                doc(
                    "c",
                    "\"The ceasefire will hold in the Idlib zone,\" Erdogan said.",
                    &[S("The ceasefire will hold in the Idlib zone", "Erdogan")],
                ),
            ],
            &[
                (
                    "agree",
                    &[
                        (
                            "a",
                            "This is a good basis for ending the fighting in the Idlib de-escalation zone",
                        ),
                        (
                            "b",
                            "We have a solid basis for ending the battles in the Idlib de-escalation zone",
                        ),
                    ],
                ),
                (
                    "single",
                    &[("c", "The ceasefire will hold in the Idlib zone")],
                ),
            ],
        );
    }

    #[test]
    fn tolerances_follow_the_digits() {
        for (written, value, tol) in [
            ("6km", 6000.0, 500.0),
            ("3.7 miles", 5954.6, 0.05 * 5954.6 / 3.7),
            ("six hours", 21600.0, 1800.0),
            ("1,200 people", 1200.0, 0.5),
        ] {
            let t = mention::tolerance(written, value);
            assert!((t - tol).abs() < 1e-6, "{written}: {t} vs {tol}");
        }
    }

    #[test]
    fn dates_of_one_moment_are_equal() {
        for (a, b, eq) in [
            ("2020-03-05", "2020-03-05", true),
            ("2020-03-05TNI", "2020-03-05T22:00:00Z", true),
            ("2020-03-05T09:00", "2020-03-05T22:00:00Z", false),
            ("2020-03-05", "2020-03-06", false),
        ] {
            assert_eq!(dates_equal(a, b), eq, "{a} {b}");
        }
    }
}
