//! Keeping the index's stories up to date after an ingest, and naming a document's story.

use anyhow::Context;
use newsdesk_index::{Index, StoriesWritten, StoryRef, Writer};
use newsdesk_model::{Document, Story};
use newsdesk_stories::{Config, Group, Grouping, Profile};
use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a stories update did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Updated {
    /// Documents that joined the stories in this update.
    pub added: usize,
    /// Whether grouping started over (documents were replaced, or nothing usable was stored).
    pub regrouped: bool,
    /// What was stored.
    pub written: StoriesWritten,
}

/// Brings the stored stories up to date with the committed documents of `index`.
///
/// New documents (live documents the stored grouping does not cover: those of this run,
/// and any left over by an interrupted run) join with [`newsdesk_stories::update`];
/// when documents were removed (replaced by a new version of their source) or the stored
/// stories are unreadable, everything is grouped again with [`newsdesk_stories::group`].
/// Only the stories that changed get new records. When nothing is new, nothing is
/// read or written beyond the list of ids, so a repeated ingest leaves the stories as
/// they were.
///
/// `fresh` holds the profiles of this run's documents (computed on the workers); when
/// every document to group is among them, nothing is read back from the index.
pub fn update(
    index: &Index,
    writer: &mut Writer,
    fresh: HashMap<String, Profile>,
) -> anyhow::Result<Updated> {
    let previous = match index.stored_grouping() {
        Ok(g) => g,
        Err(newsdesk_index::Error::StoriesCorrupt { .. }) => None,
        Err(e) => return Err(e).context("cannot read the stored stories"),
    };
    let behind = index
        .stories_behind(previous.as_ref())
        .context("cannot list the indexed documents")?;
    if behind.is_current() {
        return Ok(Updated::default());
    }
    let regrouped = previous.is_none() || behind.removed;
    let only_new = regrouped && behind.missing.len() == behind.live;
    let profiles = if only_new && behind.missing.iter().all(|id| fresh.contains_key(id)) {
        let mut fresh = fresh;
        behind
            .missing
            .iter()
            .filter_map(|id| fresh.remove(id))
            .collect()
    } else {
        drop(fresh);
        index
            .profiles()
            .context("cannot read the stored profiles")?
    };
    let config = Config::default();
    let incremental = previous.as_ref().filter(|_| !behind.removed);
    let (added, profiles): (Vec<Profile>, Vec<Profile>) = match incremental {
        Some(_) => profiles
            .into_iter()
            .partition(|p| behind.missing.contains(&p.id)),
        None => (Vec::new(), profiles),
    };
    let grouping = catch_unwind(AssertUnwindSafe(|| match incremental {
        Some(prev) => newsdesk_stories::update(prev, &profiles, &added, &config),
        None => newsdesk_stories::group(&profiles, &config),
    }))
    .map_err(|_| anyhow::anyhow!("grouping stories failed; the stored stories are unchanged"))?;
    // the labels reuse the profiles instead of computing them again from the documents
    let by_id: HashMap<&str, &Profile> = profiles
        .iter()
        .chain(&added)
        .map(|p| (p.id.as_str(), p))
        .collect();
    let written = writer
        .store_stories(&grouping, &|group| record(index, group, &grouping, &by_id))
        .context("cannot store the stories")?;
    Ok(Updated {
        added: behind.missing.len(),
        regrouped,
        written,
    })
}

/// The record of one story, from its members' stored documents.
fn record(
    index: &Index,
    group: &Group,
    grouping: &Grouping,
    profiles: &HashMap<&str, &Profile>,
) -> Result<Story, newsdesk_index::Error> {
    let mut docs: Vec<Document> = Vec::with_capacity(group.members.len());
    for id in &group.members {
        if let Some(doc) = index.get(id)? {
            docs.push(doc);
        }
    }
    let refs: Vec<&Document> = docs.iter().collect();
    let known: Vec<&Profile> = group
        .members
        .iter()
        .filter_map(|id| profiles.get(id.as_str()).copied())
        .collect();
    let built = catch_unwind(AssertUnwindSafe(|| {
        newsdesk_stories::story_with(group, &refs, &known, &grouping.duplicate_of)
    }));
    Ok(built.unwrap_or_else(|_| {
        // A bug in the facts of one story must not lose the others: the story keeps
        // its members and reasons, without facts.
        eprintln!(
            "error: story {}: cannot align its facts; listed without them",
            group.id
        );
        bare_story(group, &docs, &grouping.duplicate_of)
    }))
}

/// A story record with members and reasons only.
fn bare_story(group: &Group, docs: &[Document], duplicate_of: &BTreeMap<String, String>) -> Story {
    let refs: Vec<&Document> = docs.iter().collect();
    let documents = newsdesk_stories::members(group, &refs, duplicate_of);
    Story {
        id: group.id.clone(),
        title: docs
            .iter()
            .find_map(|d| d.article.title.clone())
            .unwrap_or_default(),
        size: documents.len(),
        first_published: documents.iter().filter_map(|m| m.published).min(),
        last_published: documents.iter().filter_map(|m| m.published).max(),
        documents,
        why: group.why.clone(),
        facts: Vec::new(),
    }
}

/// A document's story and copies, as `show` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Beside {
    /// The story holding the document.
    pub story: Option<StoryRef>,
    /// The earliest copy, when the document is a near-duplicate of it.
    pub duplicate_of: Option<String>,
    /// The other copies of the same report.
    pub copies: Vec<String>,
}

impl Beside {
    /// The story and copies of the document `id` of `index`.
    pub fn of(index: &Index, id: &str) -> anyhow::Result<Beside> {
        Ok(Beside {
            story: index.story_of(id)?,
            duplicate_of: index.duplicate_of(id)?,
            copies: index.copies_of(id)?,
        })
    }
}
