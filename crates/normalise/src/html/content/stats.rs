//! Text statistics of subtrees: characters, link characters, commas, paragraphs.

use super::super::parse::{Child, Dom};
use super::classify::is_block;
use super::words::flag;

/// Text statistics of one element's subtree (dropped subtrees excluded).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Non-space characters.
    pub(super) text: usize,
    /// Non-space characters inside links.
    pub(super) link: usize,
    /// Commas (Latin and CJK).
    pub(super) commas: usize,
    /// Paragraph elements with text.
    pub(super) paras: usize,
    /// Whether a block-level element is among the children.
    pub(super) has_block: bool,
}

/// Counts non-space characters and commas of a text run.
pub(super) fn measure(t: &str) -> (usize, usize) {
    let mut n = 0;
    let mut commas = 0;
    for c in t.chars() {
        if !c.is_whitespace() {
            n += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (n, commas)
}

/// Computes per-element statistics bottom-up, skipping elements for which `dropped` is true.
pub(super) fn compute_stats(dom: &Dom, dropped: &[bool]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    for id in (0..dom.nodes.len()).rev() {
        let Some(node) = dom.nodes.get(id) else {
            continue;
        };
        let mut s = Stats::default();
        for child in &node.children {
            match child {
                Child::Text(t) => {
                    let (n, c) = measure(t);
                    s.text += n;
                    s.commas += c;
                }
                Child::Node(c) => {
                    if dropped.get(*c).copied().unwrap_or(true) {
                        continue;
                    }
                    let Some(cs) = stats.get(*c).copied() else {
                        continue;
                    };
                    s.text += cs.text;
                    s.link += cs.link;
                    s.commas += cs.commas;
                    s.paras += cs.paras;
                    if dom.nodes.get(*c).is_some_and(|n| is_block(&n.tag)) {
                        s.has_block = true;
                    }
                }
            }
        }
        if &*node.tag == "a" {
            s.link = s.text;
        }
        if &*node.tag == "p" && s.text >= 20 {
            s.paras += 1;
        }
        if let Some(slot) = stats.get_mut(id) {
            *slot = s;
        }
    }
    stats
}

/// Link density of a subtree.
pub(super) fn link_density(s: &Stats) -> f64 {
    if s.text == 0 {
        0.0
    } else {
        s.link as f64 / s.text as f64
    }
}

/// The readability class weight from class and id flags.
pub(super) fn class_weight(flags: u16) -> f64 {
    let mut w = 0.0;
    if flags & flag::NEGATIVE != 0 {
        w -= 25.0;
    }
    if flags & flag::POSITIVE != 0 {
        w += 25.0;
    }
    w
}
