//! Choice of the article container: explicit bodies, then readability-style scoring.

use super::super::parse::{Child, Dom, Node};
use super::classify::{Drop, NameCache};
use super::stats::{Stats, class_weight, link_density};
use super::walk::collect_text;

/// How much more text than the top scoring container an element named as the article
/// body may hold and still be taken whole.
const BODY_CLASS_RATIO: f64 = 2.0;

/// Chooses the element(s) holding the article, in document order.
pub(super) fn choose_roots<'a>(
    dom: &'a Dom,
    cache: &mut NameCache<'a>,
    decisions: &[Drop],
    stats: &[Stats],
    gone: &[bool],
) -> Vec<usize> {
    let n = dom.nodes.len();
    let alive = |id: usize| !gone.get(id).copied().unwrap_or(true);
    let st = |id: usize| stats.get(id).copied().unwrap_or_default();
    // 1. An explicit article body.
    let explicit = (0..n)
        .filter(|&id| alive(id))
        .filter(|&id| {
            dom.nodes
                .get(id)
                .and_then(|x| x.attr("itemprop"))
                .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
        })
        .max_by_key(|&id| st(id).text);
    if let Some(id) = explicit.filter(|&id| st(id).text >= 200) {
        return vec![id];
    }
    // 2. Readability-style scoring of paragraph containers.
    let mut score = vec![0.0f64; n];
    let mut is_candidate = vec![false; n];
    for id in 0..n {
        if !alive(id) {
            continue;
        }
        let Some(node) = dom.nodes.get(id) else {
            continue;
        };
        let s = st(id);
        let tag = &*node.tag;
        let paragraph_like = matches!(tag, "p" | "pre" | "td" | "blockquote")
            || (matches!(
                tag,
                "div" | "section" | "article" | "span" | "font" | "center"
            ) && !s.has_block);
        if !paragraph_like || s.text < 25 {
            continue;
        }
        let content = 1.0 + s.commas as f64 + (s.text as f64 / 100.0).min(3.0);
        let mut anc = node.parent;
        for level in 0..4 {
            if id == 0 {
                break;
            }
            let Some(a) = dom.nodes.get(anc) else { break };
            if let (Some(c), Some(sc)) = (is_candidate.get_mut(anc), score.get_mut(anc)) {
                if !*c {
                    *c = true;
                    *sc = base_score(a, cache.flags(a));
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => 6.0,
                };
                *sc += content / divider;
            }
            if anc == 0 {
                break;
            }
            anc = a.parent;
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for id in 0..n {
        if !is_candidate.get(id).copied().unwrap_or(false) || !alive(id) {
            continue;
        }
        let s = st(id);
        let fin = score.get(id).copied().unwrap_or(0.0) * (1.0 - link_density(&s));
        if let Some(slot) = score.get_mut(id) {
            *slot = fin;
        }
        if best.is_none_or(|(_, b)| fin > b) {
            best = Some((id, fin));
        }
    }
    let Some((mut top, top_score)) = best else {
        let body =
            (0..n).find(|&id| alive(id) && dom.nodes.get(id).is_some_and(|x| &*x.tag == "body"));
        return vec![body.unwrap_or(0)];
    };
    let scored = top;
    // Climb single-child wrappers.
    while top != 0 {
        let parent = dom.nodes.get(top).map_or(0, |x| x.parent);
        let Some(p) = dom.nodes.get(parent) else {
            break;
        };
        let only_child = p
            .children
            .iter()
            .filter(|c| match c {
                Child::Node(c) => alive(*c),
                Child::Text(t) => !t.trim().is_empty(),
            })
            .count()
            == 1;
        if !only_child || matches!(&*p.tag, "body" | "html" | "#document") {
            break;
        }
        top = parent;
    }
    // Prefer an enclosing <article> that is mostly this content, or an element whose
    // class names the article body (`entry-content`, `article-body`) within twice it: the
    // body split into several blocks, the top scoring only one of them.
    let top_text = st(top).text.max(1) as f64;
    let mut anc = top;
    let mut body_class = None;
    for _ in 0..4 {
        let Some(node) = dom.nodes.get(anc) else {
            break;
        };
        if alive(anc) {
            let a = st(anc);
            let text = a.text as f64;
            if &*node.tag == "article" {
                if text <= 1.6 * top_text && link_density(&a) < 0.35 {
                    return vec![anc];
                }
                break;
            }
            if body_class.is_none()
                && cache.class_flags(node) & super::words::flag::BODY != 0
                && text <= BODY_CLASS_RATIO * top_text
                && link_density(&a) < 0.35
            {
                body_class = Some(anc);
            }
        }
        if anc == 0 {
            break;
        }
        anc = node.parent;
    }
    // An article split into repeated parts (slides, pages), each holding a container like the top.
    if let Some(parts) = repeated_parts(dom, stats, gone, scored, top) {
        return parts;
    }
    if let Some(b) = body_class {
        return vec![b];
    }
    // Siblings that also carry content.
    let parent = dom.nodes.get(top).map_or(0, |x| x.parent);
    if top == 0 || parent == top {
        return vec![top];
    }
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom
        .nodes
        .get(top)
        .and_then(|x| x.attr("class"))
        .unwrap_or_default();
    let mut roots = Vec::new();
    for child in dom
        .nodes
        .get(parent)
        .map(|p| p.children.as_slice())
        .unwrap_or_default()
    {
        let Child::Node(c) = child else { continue };
        let c = *c;
        if c == top {
            roots.push(c);
            continue;
        }
        if !alive(c) {
            continue;
        }
        let Some(node) = dom.nodes.get(c) else {
            continue;
        };
        let s = st(c);
        let ld = link_density(&s);
        let mut sc = if is_candidate.get(c).copied().unwrap_or(false) {
            score.get(c).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        if !top_class.is_empty() && node.attr("class") == Some(top_class) {
            sc += top_score * 0.2;
        }
        let include = sc >= threshold
            || (matches!(
                &*node.tag,
                "p" | "blockquote" | "h2" | "h3" | "h4" | "ul" | "ol"
            ) && s.text > 80
                && ld < 0.25)
            || (&*node.tag == "p" && s.text > 0 && ld == 0.0 && sentence_like(dom, decisions, c));
        if include {
            roots.push(c);
        }
    }
    roots
}

/// The first class name of an element, with its tag: what repeated parts of a page share.
fn signature(node: &Node) -> (&str, &str) {
    let class = node
        .attr("class")
        .and_then(|c| c.split_whitespace().next())
        .unwrap_or("");
    (&*node.tag, class)
}

/// An article told in repeated parts (a slideshow, pages of one story shown together):
/// `top` (the container chosen, `scored` the element that won the scoring, inside it or
/// itself) or its parent or grandparent repeats among its siblings (the same tag and first
/// class), at least two of those siblings hold an element like `scored` (same tag and first
/// class) with prose in it, and they add at least half as much text again. Returns that
/// element and those siblings, in document order.
fn repeated_parts(
    dom: &Dom,
    stats: &[Stats],
    gone: &[bool],
    scored: usize,
    top: usize,
) -> Option<Vec<usize>> {
    let alive = |id: usize| !gone.get(id).copied().unwrap_or(true);
    let st = |id: usize| stats.get(id).copied().unwrap_or_default();
    let top_sig = [scored, top]
        .into_iter()
        .filter_map(|id| dom.nodes.get(id).map(signature))
        .find(|sig| !sig.1.is_empty())?;
    let holds_like_top = |root: usize| -> bool {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            let Some(node) = dom.nodes.get(id) else {
                continue;
            };
            if signature(node) == top_sig {
                let s = st(id);
                return s.text >= 80 && link_density(&s) < 0.3;
            }
            stack.extend(node.children.iter().filter_map(|c| match c {
                Child::Node(c) if alive(*c) => Some(*c),
                _ => None,
            }));
        }
        false
    };
    let mut a = top;
    for level in 0..4 {
        if level > 0 {
            a = dom.nodes.get(a)?.parent;
        }
        let node = dom.nodes.get(a)?;
        if a == 0 || matches!(&*node.tag, "body" | "html" | "#document" | "main") {
            return None;
        }
        let sig = signature(node);
        let parent = dom.nodes.get(node.parent)?;
        let parts: Vec<usize> = parent
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Node(c) if alive(*c) => Some(*c),
                _ => None,
            })
            .filter(|&c| {
                c == a || dom.nodes.get(c).is_some_and(|n| signature(n) == sig) && holds_like_top(c)
            })
            .collect();
        let extra: usize = parts.iter().filter(|&&c| c != a).map(|&c| st(c).text).sum();
        if parts.len() >= 3 && extra * 2 >= st(a).text {
            return Some(parts);
        }
    }
    None
}

/// The lead of an article that the container's walk would not show: prose paragraphs named
/// as a lead (standfirst, teaser, intro) between the page's headline and the body, which
/// templates often put in the header. With the headline (`h1`) outside the container, those
/// between it and the container; with the headline inside it (before its first shown
/// prose), those between it and the body's first shown prose that the walk drops (a header
/// read as navigation, a teaser). A lead reads as a sentence or runs [`LONG_RUN`] words
/// (leads often end without a full stop); an element named navigation only by a word of
/// its name (`article-header__lead`, `article-header__title`: the header's block name) is
/// no reason to pass it over. At most three, in document order; none without a headline
/// before the body. The caller walks them as kept, before the container.
///
/// `gone`: whether an element or one of its ancestors is dropped (the container never is).
pub(super) fn lead_before(
    dom: &Dom,
    decisions: &[Drop],
    dropped: &[bool],
    gone: &[bool],
    stats: &[Stats],
    root: usize,
) -> Vec<usize> {
    // Kept, or inside a page header dropped only for its name (`article-header` reads as
    // navigation): a lead and its headline often sit there.
    // A teaser between the headline and the body is its lead, though the name drops teasers
    // (of other articles) elsewhere.
    let names_lead = |id: usize| {
        dom.nodes.get(id).is_some_and(|n| {
            [n.attr("class"), n.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| names_a_lead(v) || names_a_teaser(v))
                || n.attr("itemprop").is_some_and(|v| {
                    v.eq_ignore_ascii_case("description") || v.eq_ignore_ascii_case("abstract")
                })
        })
    };
    let alive = |id: usize| {
        let mut a = id;
        for _ in 0..300 {
            let own_lead = decisions.get(a) == Some(&Drop::Soft("boilerplate")) && names_lead(a);
            if dropped.get(a).copied().unwrap_or(true)
                && !own_lead
                && decisions.get(a) != Some(&Drop::Soft("navigation"))
            {
                return false;
            }
            if a == 0 {
                return true;
            }
            a = dom.nodes.get(a).map_or(0, |x| x.parent);
        }
        false
    };
    let tag = |id: usize| dom.nodes.get(id).map_or("", |x| &*x.tag);
    // the headline: an `h1`, or what the page marks up as one (`<h3 itemprop="headline">`)
    let headline = |id: usize| {
        dom.nodes.get(id).is_some_and(|x| {
            &*x.tag == "h1"
                || (matches!(&*x.tag, "h2" | "h3" | "h4" | "div" | "span" | "p")
                    && x.attr("itemprop")
                        .is_some_and(|v| v.eq_ignore_ascii_case("headline")))
        })
    };
    let within = |id: usize, anc: usize| {
        let mut p = id;
        for _ in 0..300 {
            if p == anc {
                return true;
            }
            if p == 0 {
                return false;
            }
            p = dom.nodes.get(p).map_or(0, |x| x.parent);
        }
        false
    };
    if root == 0 {
        return Vec::new();
    }
    // what the container's walk drops: the element or an ancestor below the container
    let hidden = |id: usize| gone.get(id).copied().unwrap_or(true);
    // the container's first prose its walk shows, from `from` on (outside `h1`)
    let prose_after = |from: usize, h1: Option<usize>| {
        (from..dom.nodes.len())
            .take_while(|&id| within(id, root))
            .find(|&id| {
                let s = stats.get(id).copied().unwrap_or_default();
                s.text >= 50 && !s.has_block && h1.is_none_or(|h| !within(id, h)) && !hidden(id)
            })
    };
    // The headline inside the container: the lead is what its template drops between the
    // headline and the body's first shown prose (a header read as navigation, a teaser).
    // A headline after the body's first prose (a related article's) is not the page's.
    let inner_h1 = (root..dom.nodes.len())
        .take_while(|&id| within(id, root))
        .find(|&id| headline(id))
        .filter(|&h1| prose_after(root, None).is_none_or(|p| p > h1));
    let (h1, end, inside) = match inner_h1 {
        Some(h1) => {
            if !alive(h1) {
                return Vec::new();
            }
            let Some(body) = prose_after(h1 + 1, Some(h1)) else {
                return Vec::new();
            };
            (h1, body, true)
        }
        None => {
            let Some(h1) = (1..root)
                .rev()
                .find(|&id| headline(id) && alive(id) && !within(root, id))
            else {
                return Vec::new();
            };
            (h1, root, false)
        }
    };
    let mut picked: Vec<usize> = Vec::new();
    for id in h1 + 1..end {
        if picked.len() == 3 {
            break;
        }
        if !alive(id) || within(id, h1) || within(end, id) || picked.iter().any(|&p| within(id, p))
        {
            continue;
        }
        // inside the container, only what its walk drops (the rest is shown already)
        if inside && !hidden(id) {
            continue;
        }
        let s = stats.get(id).copied().unwrap_or_default();
        let prose_tag = tag(id) == "p"
            || (matches!(tag(id), "div" | "section" | "span" | "header" | "h2") && !s.has_block);
        if !(prose_tag && s.text >= 50 && link_density(&s) < 0.2) {
            continue;
        }
        // named as a lead by itself or by a wrapper of its own (not one around the body)
        let mut named = false;
        let mut a = id;
        for _ in 0..3 {
            if a == 0 || within(end, a) {
                break;
            }
            let node = dom.nodes.get(a);
            named |= names_lead(a);
            a = node.map_or(0, |x| x.parent);
        }
        if named && reads_as_lead(dom, decisions, id) {
            picked.push(id);
        }
    }
    picked
}

/// Whether a class or id names a lead paragraph (standfirst, intro, summary, ...), in the
/// words templates use in English, German, French, Spanish, Polish and Czech; whole words
/// of the name, or its end for glued names (`articleLead`, `entry-summary`, `postExcerpt`).
fn names_a_lead(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "lead",
        "intro",
        "introduction",
        "standfirst",
        "summary",
        "excerpt",
        "subtitle",
        "subheadline",
        "subhead",
        "deck",
        "dek",
        "abstract",
        "description",
        "perex",
        "chapo",
        "chapeau",
        "vorspann",
        "anriss",
        "entradilla",
        "sumario",
        "bajada",
        "zajawka",
        "lid",
    ];
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .any(|t| {
            WORDS
                .iter()
                .any(|w| t == *w || (w.len() >= 4 && t.len() > w.len() && t.ends_with(w)))
        })
}

/// Whether a class or id names a teaser (`teaser`, `artikel-teaser`, `teaser-text`).
fn names_a_teaser(value: &str) -> bool {
    value
        .split(|c: char| !c.is_alphanumeric())
        .any(|t| t.eq_ignore_ascii_case("teaser"))
}

/// Whether a named lead's text reads as one: a sentence, or a run of at least
/// [`LONG_RUN`] words (a lead written as one sentence without its full stop, `... seinen
/// Rücktritt ankündigte`).
fn reads_as_lead(dom: &Dom, decisions: &[Drop], id: usize) -> bool {
    let mut t = String::new();
    collect_text(dom, decisions, id, &mut t, 0);
    is_sentence(&t) || t.split_whitespace().count() >= LONG_RUN
}

/// Words of a lead that may end without a full stop.
const LONG_RUN: usize = 15;

/// Whether a short paragraph reads like a sentence.
pub(super) fn sentence_like(dom: &Dom, decisions: &[Drop], id: usize) -> bool {
    let mut t = String::new();
    collect_text(dom, decisions, id, &mut t, 0);
    is_sentence(&t)
}

/// Whether a text holds or ends a sentence.
fn is_sentence(t: &str) -> bool {
    let t = t.trim();
    t.contains(". ") || t.ends_with('.')
}

/// The readability starting score of a candidate by tag and class.
pub(super) fn base_score(node: &Node, flags: u16) -> f64 {
    let tag_score = match &*node.tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag_score + class_weight(flags)
}
