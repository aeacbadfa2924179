//! The walk over the chosen content that turns it into paragraph and removed items.

use super::super::parse::{Child, Dom, Node};
use super::classify::{Drop, is_block};
use super::stats::measure;
use crate::clean::Item;

/// All text of a subtree (silent elements excluded).
pub(super) fn collect_text(
    dom: &Dom,
    decisions: &[Drop],
    id: usize,
    out: &mut String,
    depth: usize,
) {
    collect_text_except(dom, decisions, id, out, depth, &[]);
}

/// All text of a subtree without silent elements and the subtrees of `skip`.
pub(super) fn collect_text_except(
    dom: &Dom,
    decisions: &[Drop],
    id: usize,
    out: &mut String,
    depth: usize,
    skip: &[usize],
) {
    let Some(node) = dom.nodes.get(id) else {
        return;
    };
    if depth > 300 {
        return;
    }
    for child in &node.children {
        match child {
            Child::Text(t) => out.push_str(t),
            Child::Node(c) => {
                let Some(cn) = dom.nodes.get(*c) else {
                    continue;
                };
                if decisions.get(*c).is_none_or(|d| *d == Drop::Silent) || skip.contains(c) {
                    continue;
                }
                let block = is_block(&cn.tag) || &*cn.tag == "br";
                if block {
                    out.push(' ');
                }
                collect_text_except(dom, decisions, *c, out, depth + 1, skip);
                if block || matches!(&*cn.tag, "td" | "th") {
                    out.push(' ');
                }
            }
        }
    }
}

/// A comparison key for headings: lowercase alphanumerics.
pub(super) fn heading_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Walks the chosen content, producing paragraph items.
pub(super) struct Walker<'a> {
    pub(super) dom: &'a Dom,
    pub(super) decisions: &'a [Drop],
    pub(super) dropped: &'a [bool],
    pub(super) kinds: &'a [Option<&'static str>],
    /// Lead paragraphs walked on their own, before the content (left out of removed text).
    pub(super) leads: &'a [usize],
    pub(super) title: Option<String>,
    pub(super) items: Vec<Item>,
    pub(super) current: String,
    pub(super) link_chars: usize,
    pub(super) in_link: usize,
    pub(super) skipped_title: bool,
}

impl Walker<'_> {
    pub(super) fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let links = std::mem::take(&mut self.link_chars);
        let (total, _) = measure(&text);
        if total == 0 {
            return;
        }
        if links * 10 >= total * 6 && total < 400 {
            self.items.push(Item::Removed("navigation", text));
        } else {
            self.items.push(Item::Para(text));
        }
    }

    /// An embedded post: its paragraphs are walked as text, everything else is chrome.
    fn walk_embed(&mut self, node: &Node, depth: usize) {
        self.flush();
        let mut chrome = String::new();
        self.embed_children(node, depth, &mut chrome);
        self.flush();
        if !chrome.trim().is_empty() {
            self.items.push(Item::Removed("embed", chrome));
        }
    }

    /// The children of an embed (or of a wrapper inside one): paragraphs are text, block
    /// wrappers are searched for paragraphs, inline content and text runs are chrome.
    fn embed_children(&mut self, node: &Node, depth: usize, chrome: &mut String) {
        if depth > 300 {
            return;
        }
        for child in &node.children {
            match child {
                Child::Node(c) => {
                    let Some(n) = self.dom.nodes.get(*c) else {
                        continue;
                    };
                    if self.dropped.get(*c).copied().unwrap_or(true) {
                        continue;
                    }
                    if &*n.tag == "p" {
                        self.walk(*c, depth + 1);
                        chrome.push(' ');
                    } else if is_block(&n.tag) {
                        chrome.push(' ');
                        self.embed_children(n, depth + 1, chrome);
                        chrome.push(' ');
                    } else {
                        collect_text(self.dom, self.decisions, *c, chrome, 0);
                    }
                }
                Child::Text(t) => chrome.push_str(t),
            }
        }
    }

    pub(super) fn walk(&mut self, id: usize, depth: usize) {
        if depth > 300 {
            return;
        }
        if self.dropped.get(id).copied().unwrap_or(true) {
            if let Some(kind) = self.kinds.get(id).copied().flatten()
                && !self.leads.contains(&id)
            {
                let mut text = String::new();
                collect_text_except(self.dom, self.decisions, id, &mut text, 0, self.leads);
                if !text.trim().is_empty() {
                    self.flush();
                    self.items.push(Item::Removed(kind, text));
                }
            }
            return;
        }
        self.walk_kept(id, depth);
    }

    /// [`Walker::walk`] of an element whatever its own drop (its descendants' still count).
    pub(super) fn walk_kept(&mut self, id: usize, depth: usize) {
        let Some(node) = self.dom.nodes.get(id) else {
            return;
        };
        let tag = &*node.tag;
        if tag == "br" || tag == "hr" {
            self.flush();
            return;
        }
        if self.decisions.get(id) == Some(&Drop::Embed) {
            self.walk_embed(node, depth);
            return;
        }
        if tag == "h1" && !self.skipped_title {
            let mut text = String::new();
            collect_text(self.dom, self.decisions, id, &mut text, 0);
            let key = heading_key(&text);
            if self
                .title
                .as_ref()
                .is_none_or(|t| !key.is_empty() && (t.contains(&key) || key.contains(t.as_str())))
            {
                self.skipped_title = true;
                self.flush();
                return;
            }
        }
        let block = is_block(tag);
        if block {
            self.flush();
        }
        let is_link = tag == "a";
        if is_link {
            self.in_link += 1;
        }
        for child in &node.children {
            match child {
                Child::Text(t) => {
                    if self.in_link > 0 {
                        self.link_chars += measure(t).0;
                    }
                    self.current.push_str(t);
                }
                Child::Node(c) => self.walk(*c, depth + 1),
            }
        }
        if is_link {
            self.in_link -= 1;
        }
        if matches!(tag, "td" | "th") {
            self.current.push(' ');
        }
        if block {
            self.flush();
        }
    }
}
