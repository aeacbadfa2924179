//! Hand-made documents and a throw-away index for the unit tests.

use crate::{Index, Upsert};
use chrono::NaiveDate;
use newsdesk_model::{Article, Document, Entity, Extraction, Label, Mention, Quote};

/// An entity: label, canonical name, mention texts.
pub(crate) type EntitySpec<'a> = (Label, &'a str, &'a [&'a str]);

/// Builds a document; mention and quote offsets are found in `text`.
pub(crate) fn doc(
    id: &str,
    source: &str,
    published: Option<&str>,
    title: Option<&str>,
    text: &str,
    entities: &[EntitySpec<'_>],
    quotes: &[(&str, Option<&str>)],
) -> Document {
    let offsets = |needle: &str| {
        let start = text.find(needle).unwrap_or(0);
        (start, start + needle.len())
    };
    Document {
        article: Article {
            id: id.into(),
            source: source.into(),
            title: title.map(Into::into),
            published: published.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            language: Some("en".into()),
            text: text.into(),
            outlet: Some("Example Wire".into()),
            ..Article::default()
        },
        extraction: Extraction {
            entities: entities
                .iter()
                .map(|(label, name, mentions)| Entity {
                    label: *label,
                    name: (*name).into(),
                    mentions: mentions
                        .iter()
                        .map(|m| {
                            let (start, end) = offsets(m);
                            Mention {
                                start,
                                end,
                                text: (*m).into(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            quotes: quotes
                .iter()
                .map(|(q, speaker)| {
                    let (start, end) = offsets(q);
                    Quote {
                        text: (*q).into(),
                        speaker: speaker.map(Into::into),
                        cue: Some("said".into()),
                        start,
                        end,
                    }
                })
                .collect(),
            keywords: vec!["ceasefire".into()],
            ..Extraction::default()
        },
    }
}

/// Three short articles about one story, with different details.
pub(crate) fn corpus() -> Vec<Document> {
    use Label::*;
    vec![
        doc(
            "a1",
            "news/a.txt",
            Some("2020-03-05"),
            Some("Turkey and Russia agree on a ceasefire in Idlib"),
            "Recep Tayyip Erdogan and Vladimir Putin agreed a ceasefire on Thursday. \
             \"The ceasefire will be put in place at midnight,\" Erdogan said. Joint patrols \
             will run along the M4 corridor. The White Helmets said rescue work goes on & on.",
            &[
                (
                    Person,
                    "Recep Tayyip Erdogan",
                    &["Recep Tayyip Erdogan", "Erdogan"],
                ),
                (Person, "Vladimir Putin", &["Vladimir Putin"]),
                (Org, "White Helmets", &["White Helmets"]),
                (Loc, "Idlib", &["Idlib"]),
                (Loc, "M4", &["M4"]),
            ],
            &[(
                "The ceasefire will be put in place at midnight,",
                Some("Recep Tayyip Erdogan"),
            )],
        ),
        doc(
            "b2",
            "news/b.txt",
            Some("2020-03-06"),
            Some("Lavrov: truce must hold"),
            "Sergey Lavrov said earlier ceasefires had failed. \"This one must hold,\" Lavrov \
             told reporters. Joint patrols along the M4 corridor begin on March 15. \
             Erdoğan's office did not comment.",
            &[
                (Person, "Sergey Lavrov", &["Sergey Lavrov", "Lavrov"]),
                (Person, "Recep Tayyip Erdogan", &["Erdoğan"]),
                (Loc, "M4", &["M4"]),
            ],
            &[("This one must hold,", Some("Sergey Lavrov"))],
        ),
        doc(
            "c3",
            "feeds/c.xml#item-1",
            Some("2020-02-20"),
            None,
            "Talks in Sochi on the M4 corridor ended without agreement on joint patrols. \
             Officials in Idlib said the cease-fire of 2018 was dead. \"We wait,\" one said.",
            &[
                (Loc, "Sochi", &["Sochi"]),
                (Loc, "M4", &["M4"]),
                (Loc, "Idlib", &["Idlib"]),
            ],
            &[("We wait,", None)],
        ),
    ]
}

/// A fresh index in a temporary directory holding `docs`, committed.
pub(crate) fn index_with(docs: &[Document]) -> (tempfile::TempDir, Index) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let index = Index::create_or_open(&dir.path().join("idx")).expect("new index");
    let mut writer = index.writer(15_000_000).expect("writer");
    for d in docs {
        assert_eq!(writer.upsert(d).expect("upsert"), Upsert::Added);
    }
    writer.commit().expect("commit");
    drop(writer);
    (dir, index)
}
