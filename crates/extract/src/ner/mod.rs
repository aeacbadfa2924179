//! Trained entity tagger: an averaged structured perceptron over BILOU tags with Viterbi decoding.
//!
//! [`Model`] tags tokenized sentences; [`Model::builtin`] is the model committed
//! in `crates/extract/models/ner.bin`, loaded once on first use and shared
//! read-only by every thread. [`train`] produces a model from CoNLL-style
//! documents (`cargo xtask train-ner` drives it); training is deterministic, so
//! the same data and options give the same bytes.
mod features;
mod gazetteer;
mod hash;
mod model;
mod train;

use crate::error::Error;
use features::{Extractor, TypeCache};
use gazetteer::Gazetteer;
use model::{Scratch, Weights};
use newsdesk_model::Label;
use std::cell::RefCell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The committed model (zlib-compressed; see `models/README.md`).
const BUILTIN: &[u8] = include_bytes!("../../models/ner.bin");

/// One token's tag: an entity label (or none) and whether it begins the entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tag {
    /// The entity type, `None` outside entities.
    pub label: Option<Label>,
    /// Whether this token starts a new entity (BIO `B-`); ignored outside entities.
    pub begin: bool,
}

/// A word of a training sentence and its gold tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainToken {
    /// The token as written.
    pub word: String,
    /// Its gold tag.
    pub tag: Tag,
}

/// A training document: sentences of tagged tokens (document context is a feature).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrainDocument {
    /// The sentences in order.
    pub sentences: Vec<Vec<TrainToken>>,
}

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: u32,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Features whose averaged weights are all smaller than this are dropped.
    pub prune: f32,
    /// Word clusters `(word, fine id, coarse id)`, most frequent word first;
    /// stored in the model.
    pub clusters: Vec<(String, u16, u16)>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 0x5eed,
            min_count: 1,
            prune: 1e-3,
            clusters: Vec::new(),
        }
    }
}

/// Trains a model on `train` and returns its bytes (for [`Model::from_bytes`]).
/// `dev`, if not empty, is scored after each epoch (not trained on); progress
/// lines go to `log`.
pub fn train(
    train: &[TrainDocument],
    dev: &[TrainDocument],
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<u8> {
    train::train(train, dev, options, resources().gazetteer(), log)
}

/// A loaded tagger model.
#[derive(Debug, Clone)]
pub struct Model {
    weights: Weights,
    /// Distinguishes loaded models in the per-thread score cache (a clone shares the weights' values, so the id too).
    id: u64,
}

/// Ids of loaded models (0 is never one).
static MODEL_IDS: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Scores of the word types this thread has tagged, for the model last used.
    static TYPE_CACHE: RefCell<TypeCache> = RefCell::new(TypeCache::default());
}

impl Model {
    /// Reads a model from the bytes [`train`] produced; `name` is used in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model, Error> {
        Ok(Model {
            weights: Weights::from_bytes(bytes, name)?,
            id: MODEL_IDS.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The committed model, loaded on first use; `None` if it cannot be read.
    pub fn builtin() -> Option<&'static Model> {
        resources().model.as_ref()
    }

    /// Tags the sentences of one document (each a list of tokens).
    pub fn tag<'a, S: AsRef<[&'a str]>>(&self, sentences: &[S]) -> Vec<Vec<Tag>> {
        let mut t = Tagger::default();
        t.start_document(sentences.iter().map(AsRef::as_ref));
        sentences
            .iter()
            .map(|s| {
                let mut out = Vec::new();
                t.tag_sentence(self, s.as_ref(), &mut out);
                out.into_iter().map(tag_of).collect()
            })
            .collect()
    }
}

/// Reusable tagging state for one thread.
#[derive(Debug, Default)]
pub(crate) struct Tagger {
    x: Extractor,
    sums: Vec<[i32; model::T]>,
    scratch: Scratch,
}

impl Tagger {
    /// Records the document context of `sentences` before tagging them.
    pub(crate) fn start_document<'a, S: AsRef<[&'a str]>>(
        &mut self,
        sentences: impl Iterator<Item = S>,
    ) {
        self.x.start_document(sentences);
    }

    /// Tags one sentence: tag indices (0 outside, then B/I/L/U per label) into `out`.
    pub(crate) fn tag_sentence(&mut self, model: &Model, sentence: &[&str], out: &mut Vec<u8>) {
        let w = &model.weights;
        TYPE_CACHE.with(|cache| {
            // Tagging does not reenter itself, but a fresh cache gives the same sums anyway.
            let mut fresh = TypeCache::default();
            let mut held = cache.try_borrow_mut();
            let cache = held.as_deref_mut().unwrap_or(&mut fresh);
            self.x.sentence_sums(
                sentence,
                resources().gazetteer(),
                &w.clusters,
                model.id,
                w,
                cache,
                &mut self.sums,
            );
        });
        w.decode(&self.sums, &mut self.scratch, out);
        self.x.record(out);
    }
}

/// `(start, end, label)` token spans of a tag-index sequence.
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, Label)> {
    train::spans(tags)
        .into_iter()
        .filter_map(|(s, e, l)| Label::ALL.get(l).map(|&l| (s, e, l)))
        .collect()
}

fn tag_of(i: u8) -> Tag {
    let i = usize::from(i);
    match model::group(i) {
        0 => Tag::default(),
        g => Tag {
            label: Label::ALL.get(g - 1).copied(),
            begin: matches!(model::position(i), 0 | 3),
        },
    }
}

pub(crate) fn label_index(l: Label) -> usize {
    Label::ALL.iter().position(|&x| x == l).unwrap_or(0)
}

/// Data loaded once: gazetteer and the committed model.
pub(crate) struct Resources {
    gazetteer: Gazetteer,
    model: Option<Model>,
}

impl Resources {
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }
}

/// Whether `text` is a country, city or region in the gazetteer.
pub(crate) fn is_place(text: &str) -> bool {
    const PLACE: u16 = gazetteer::COUNTRY
        | gazetteer::BIG_CITY
        | gazetteer::CITY
        | gazetteer::REGION
        | gazetteer::LX_LOC;
    gazetteer::phrase_key(text).is_some_and(|k| resources().gazetteer.get(k) & PLACE != 0)
}

/// Whether `text` is a country, capital or city of a million people in the gazetteer.
pub(crate) fn is_major_place(text: &str) -> bool {
    gazetteer::phrase_key(text).is_some_and(|k| {
        resources().gazetteer.get(k) & (gazetteer::COUNTRY | gazetteer::BIG_CITY) != 0
    })
}

/// Whether `text` is a country name in the gazetteer.
pub(crate) fn is_country(text: &str) -> bool {
    gazetteer::phrase_key(text)
        .is_some_and(|k| resources().gazetteer.get(k) & gazetteer::COUNTRY != 0)
}

pub(crate) fn resources() -> &'static Resources {
    static R: LazyLock<Resources> = LazyLock::new(|| Resources {
        gazetteer: Gazetteer::builtin(),
        model: Model::from_bytes(BUILTIN, "builtin").ok(),
    });
    &R
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(sentences: &[&[(&str, Option<Label>, bool)]]) -> TrainDocument {
        TrainDocument {
            sentences: sentences
                .iter()
                .map(|s| {
                    s.iter()
                        .map(|&(w, label, begin)| TrainToken {
                            word: w.to_string(),
                            tag: Tag { label, begin },
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// Sums through the type cache and sums of every feature key, sentence by sentence.
    fn compare_paths(model: &Model, docs: &[Vec<Vec<&str>>], cache: &mut TypeCache) {
        let w = &model.weights;
        let g = resources().gazetteer();
        for sents in docs {
            let (mut a, mut b) = (Extractor::default(), Extractor::default());
            a.start_document(sents.iter());
            b.start_document(sents.iter());
            for s in sents {
                let (mut keys, mut offs, mut want, mut got) =
                    (Vec::new(), Vec::new(), Vec::new(), Vec::new());
                a.sentence(s, g, &w.clusters, &mut keys, &mut offs);
                w.sums(&keys, &offs, &mut want);
                b.sentence_sums(s, g, &w.clusters, model.id, w, cache, &mut got);
                assert_eq!(want, got, "{s:?}");
                let mut tags = Vec::new();
                w.decode(&got, &mut Scratch::default(), &mut tags);
                a.record(&tags);
                b.record(&tags);
            }
        }
    }

    #[test]
    fn cached_type_scores_equal_every_feature_summed() {
        let model = Model::builtin().expect("the committed model loads");
        let text = [
            "Peter Blackburn visited New York City on Monday , the U.S. embassy said .",
            "TURKEY AND RUSSIA AGREE CEASEFIRE IN IDLIB",
            "Erdogan and Putin met in Moscow ; NATO allies welcomed the deal .",
            "the ceasefire held in Idlib , where Turkish troops patrol .",
            "Blackburn said Blackburn would return to Brussels .",
        ];
        let doc: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let mut cache = TypeCache::default();
        // Cold, then warm: the cache gives the same sums either way.
        compare_paths(model, std::slice::from_ref(&doc), &mut cache);
        compare_paths(model, &[doc], &mut cache);
    }

    proptest::proptest! {
        #[test]
        fn cached_sums_hold_for_any_word_sequence(
            doc in proptest::collection::vec(
                proptest::collection::vec(0usize..24, 0..14), 1..5),
        ) {
            const WORDS: [&str; 24] = [
                "Paris", "New", "York", "said", "the", ",", ".", "U.S.", "NATO", "Smith",
                "of", "Bank", "England", "FRANCE", "McDonald", "1996", "’s", "in", "John",
                "city", "United", "Nations", "\"", "Ministry",
            ];
            let model = Model::builtin().expect("the committed model loads");
            let doc: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.iter().map(|&i| WORDS[i]).collect())
                .collect();
            let mut cache = TypeCache::default();
            compare_paths(model, std::slice::from_ref(&doc), &mut cache);
            compare_paths(model, &[doc], &mut cache);
        }
    }

    #[test]
    fn builtin_model_tags_a_sentence() {
        let model = Model::builtin().expect("the committed model loads");
        let tags = model.tag(&[["Peter", "Blackburn", "visited", "Paris", "."]]);
        let got: Vec<(Option<Label>, bool)> = tags
            .iter()
            .flatten()
            .map(|t| (t.label, t.label.is_some() && t.begin))
            .collect();
        let expected = [
            (Some(Label::Person), true),
            (Some(Label::Person), false),
            (None, false),
            (Some(Label::Loc), true),
            (None, false),
        ];
        assert_eq!(got, expected);
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let per = Some(Label::Person);
        let loc = Some(Label::Loc);
        let data = vec![
            doc(&[
                &[
                    ("Smith", per, true),
                    ("went", None, false),
                    ("to", None, false),
                    ("Oslo", loc, true),
                ],
                &[
                    ("Jones", per, true),
                    ("left", None, false),
                    ("Rome", loc, true),
                ],
            ]),
            doc(&[&[
                ("Brown", per, true),
                ("flew", None, false),
                ("to", None, false),
                ("Lima", loc, true),
            ]]),
        ];
        let options = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train(&data, &[], &options, &mut |_| {});
        let b = train(&data, &[], &options, &mut |_| {});
        assert_eq!(a, b, "same data, same bytes");
        let model = Model::from_bytes(&a, "test").expect("reads back");
        let tags = model.tag(&[["Smith", "went", "to", "Oslo"]]);
        let labels: Vec<Option<Label>> = tags.iter().flatten().map(|t| t.label).collect();
        assert_eq!(labels, vec![per, None, None, loc]);
    }
}
