//! Main-content selection: boilerplate elements dropped by tag, role and class, the article
//! container chosen by a readability-style text and link density score, and its text blocks.

mod classify;
mod select;
mod stats;
mod walk;
mod words;

use super::parse::Dom;
use crate::clean::Item;
use classify::{Drop, NameCache, classify, flags_drop};
use select::{choose_roots, lead_before};
use stats::{compute_stats, link_density};
use walk::{Walker, heading_key};
use words::flag;

/// The extracted main content of a page.
pub(crate) struct Content {
    /// Paragraphs and removed pieces in document order.
    pub(crate) items: Vec<Item>,
}

/// Selects the main content of `dom` and turns it into paragraph items. `title` is the
/// page's headline: a heading repeating it is not body text.
pub(crate) fn extract(dom: &Dom, title: Option<&str>) -> Content {
    let n = dom.nodes.len();
    let mut cache = NameCache::default();
    let decisions = decide(dom, &mut cache);
    // Pass 1: only unconditional drops, to measure what soft candidates hold.
    let hard: Vec<bool> = decisions
        .iter()
        .map(|d| matches!(d, Drop::Silent | Drop::Hard(_)))
        .collect();
    let raw = compute_stats(dom, &hard);
    // Protect ancestors of an explicit article body.
    let mut protected = vec![false; n];
    for (id, node) in dom.nodes.iter().enumerate() {
        let substantial = |min: usize| {
            raw.get(id)
                .is_some_and(|s| s.text > min && link_density(s) < 0.3)
        };
        let marked = node
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
            || cache.class_flags(node) & flag::BODY != 0;
        if (marked && substantial(200)) || (&*node.tag == "article" && substantial(500)) {
            let mut p = node.parent;
            let mut guard = 0;
            while p != 0 && guard < 300 {
                if let Some(slot) = protected.get_mut(p) {
                    *slot = true;
                }
                p = dom.nodes.get(p).map_or(0, |x| x.parent);
                guard += 1;
            }
        }
    }
    let mut dropped = vec![false; n];
    let mut kinds: Vec<Option<&'static str>> = vec![None; n];
    for id in 0..n {
        let d = decisions.get(id).copied().unwrap_or(Drop::Keep);
        let s = raw.get(id).copied().unwrap_or_default();
        let is_protected = protected.get(id).copied().unwrap_or(false);
        let (drop, kind) = match d {
            Drop::Keep | Drop::Embed => (false, None),
            Drop::Silent => (true, None),
            // an element holding the explicit article body is not its comments
            // (`commentary`, `comments-enabled` on the page's wrappers)
            Drop::Hard("comments") if is_protected => (false, None),
            Drop::Hard(k) => (true, Some(k)),
            Drop::Soft(k) => {
                // a list is items, never a body of prose (`ul.related_post` of excerpts)
                let list = dom
                    .nodes
                    .get(id)
                    .is_some_and(|n| matches!(&*n.tag, "ul" | "ol"));
                let big_prose = !list
                    && s.text >= 1000
                    && (s.paras >= 3 || s.text >= 2000)
                    && link_density(&s) < 0.3;
                (!(is_protected || big_prose), Some(k))
            }
        };
        if let Some(slot) = dropped.get_mut(id) {
            *slot = drop;
        }
        if let Some(slot) = kinds.get_mut(id) {
            *slot = kind;
        }
    }
    let stats = compute_stats(dom, &dropped);
    // Effective drop: the element or an ancestor is dropped.
    let mut gone = dropped.clone();
    for id in 1..n {
        let parent = dom.nodes.get(id).map_or(0, |x| x.parent);
        if gone.get(parent).copied().unwrap_or(false)
            && let Some(slot) = gone.get_mut(id)
        {
            *slot = true;
        }
    }
    let roots = choose_roots(dom, &mut cache, &decisions, &stats, &gone);
    let lead = roots
        .first()
        .map(|&r| lead_before(dom, &decisions, &dropped, &gone, &stats, r))
        .unwrap_or_default();
    walk_roots(dom, &decisions, &dropped, &kinds, title, &lead, roots)
}

/// Every element's drop decision, in node order.
fn decide<'a>(dom: &'a Dom, cache: &mut NameCache<'a>) -> Vec<Drop> {
    dom.nodes.iter().map(|node| classify(node, cache)).collect()
}

/// The paragraph items of the `leads` and then the `roots`, walked in order with the given
/// drops. A lead is walked as kept even when its own name drops it (a teaser), and its text
/// is left out of whatever removed item holds it (the page header a lead sits in).
fn walk_roots(
    dom: &Dom,
    decisions: &[Drop],
    dropped: &[bool],
    kinds: &[Option<&'static str>],
    title: Option<&str>,
    leads: &[usize],
    roots: impl IntoIterator<Item = usize>,
) -> Content {
    let mut walker = Walker {
        dom,
        decisions,
        dropped,
        kinds,
        leads,
        title: title.map(heading_key),
        items: Vec::new(),
        current: String::new(),
        link_chars: 0,
        in_link: 0,
        skipped_title: false,
    };
    for &lead in leads {
        walker.walk_kept(lead, 0);
        walker.flush();
    }
    for root in roots {
        walker.walk(root, 0);
        walker.flush();
    }
    let mut items = walker.items;
    trim_trailing_labels(&mut items);
    cut_at_end_marker(&mut items);
    Content { items }
}

/// The end of an article's text at a heading that closes posts (`Share this`, `Related
/// posts`, `Ähnliche Beiträge`, `Laisser un commentaire`: [`words::END_MARKERS`]) standing
/// as a paragraph of its own after at least half of the text's words and
/// [`END_MARKER_AFTER`] of them: it and every paragraph after it become removed
/// boilerplate. Before that point such a heading is the article's own (`Comments` in a
/// text about comments, a short post's first line).
fn cut_at_end_marker(items: &mut [Item]) {
    let words = |t: &str| t.split_whitespace().count();
    let total: usize = items
        .iter()
        .map(|it| match it {
            Item::Para(t) => words(t),
            Item::Removed(..) => 0,
        })
        .sum();
    let mut before = 0;
    let at = items.iter().position(|it| match it {
        Item::Para(t) => {
            let end = before * 2 >= total && before >= END_MARKER_AFTER && words::is_end_marker(t);
            before += words(t);
            end
        }
        Item::Removed(..) => false,
    });
    let Some(at) = at else {
        return;
    };
    // an inline box (`Related`, `Mehr zum Thema` between two parts of the text) is
    // followed by more of the article: a paragraph of prose after it keeps everything
    if items.iter().skip(at + 1).any(|it| match it {
        Item::Para(t) => words(t) >= PROSE_AFTER_MARKER,
        Item::Removed(..) => false,
    }) {
        return;
    }
    for it in items.iter_mut().skip(at) {
        if let Item::Para(t) = it {
            let text = std::mem::take(t);
            *it = Item::Removed("boilerplate", text);
        }
    }
}

/// The words of a paragraph after an end marker that show the article goes on.
const PROSE_AFTER_MARKER: usize = 20;

/// The words of article text an end marker must follow.
const END_MARKER_AFTER: usize = 40;

/// Label lines left at the end of an article by the widgets after it (`Kontakt`,
/// `Schlagworte`, `Weitere Informationen:`, `Credit:`, `PDF`): paragraphs of at most four
/// words and 40 characters that are not a sentence and hold no figure or comma, after the
/// last paragraph of prose, become removed boilerplate.
fn trim_trailing_labels(items: &mut [Item]) {
    let is_label = |t: &str| {
        let t = t.trim();
        !t.is_empty()
            && t.chars().count() <= 40
            && t.split_whitespace().count() <= 4
            && !t.ends_with(['.', '!', '?', '"', '”', '»', '“', ')'])
            // a figure, a date, a sign-off (`XX, Die Redaktion`) is the article's
            && !t.contains(|c: char| c.is_ascii_digit() || c == ',')
    };
    // the last paragraph that is prose: labels before it stay
    let Some(last_prose) = items.iter().rposition(|it| match it {
        Item::Para(t) => t.split_whitespace().count() > 12,
        Item::Removed(..) => false,
    }) else {
        return;
    };
    let prose_before = |upto: usize| last_prose < upto;
    let mut end = items.len();
    while let Some(i) = end.checked_sub(1) {
        match items.get(i) {
            Some(Item::Removed(..)) => end = i,
            Some(Item::Para(t)) if is_label(t) && prose_before(i) => {
                let text = t.trim().to_string();
                if let Some(slot) = items.get_mut(i) {
                    *slot = Item::Removed("boilerplate", text);
                }
                end = i;
            }
            _ => break,
        }
    }
}

/// The most characters of a boilerplate widget the strict fallback leaves out.
const WIDGET_CHARS: usize = 150;

/// The page's text when no container gives any: the whole document, without what is
/// dropped unconditionally (scripts, hidden elements, comments and the like) and without
/// navigation (an element named so whose text is mostly links: a wrapper whose class
/// only mentions navigation, `with-navigation`, keeps its prose), in document order.
/// `strict` also leaves out the small widgets named as boilerplate (a share or like bar,
/// a paywall prompt, a newsletter box: at most one paragraph and [`WIDGET_CHARS`]
/// characters, named so by class or id, not by tag as a form is). The caller says so in
/// a warning.
pub(crate) fn extract_fallback(dom: &Dom, title: Option<&str>, strict: bool) -> Content {
    let mut cache = NameCache::default();
    let decisions = decide(dom, &mut cache);
    let hard: Vec<bool> = decisions
        .iter()
        .map(|d| matches!(d, Drop::Silent | Drop::Hard(_)))
        .collect();
    let stats = compute_stats(dom, &hard);
    let mut kinds: Vec<Option<&'static str>> = vec![None; decisions.len()];
    let dropped: Vec<bool> = decisions
        .iter()
        .zip(kinds.iter_mut())
        .enumerate()
        .map(|(id, (d, kind))| match d {
            Drop::Keep | Drop::Embed => false,
            Drop::Silent => true,
            Drop::Hard(k) => {
                *kind = Some(k);
                true
            }
            Drop::Soft(k) => {
                let st = stats.get(id).copied().unwrap_or_default();
                let prose = st.paras >= 3 && st.text >= 1000;
                let drop = !prose
                    && match *k {
                        "navigation" => link_density(&st) >= 0.4,
                        // a widget named so by class or id, not an `aside` or `form` by tag
                        "boilerplate" => {
                            strict
                                && st.text < WIDGET_CHARS
                                && st.paras <= 1
                                && dom.nodes.get(id).is_some_and(|n| {
                                    flags_drop(cache.flags(n)) == Drop::Soft("boilerplate")
                                })
                        }
                        _ => false,
                    };
                if drop {
                    *kind = Some(k);
                }
                drop
            }
        })
        .collect();
    walk_roots(dom, &decisions, &dropped, &kinds, title, &[], [0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse::parse;
    use classify::class_drop;

    fn check(html: &str, expected: &[&str]) {
        let dom = parse(html);
        let content = extract(&dom, dom.title.as_deref());
        let got: Vec<String> = content
            .items
            .iter()
            .map(|i| match i {
                Item::Para(p) => p.split_whitespace().collect::<Vec<_>>().join(" "),
                Item::Removed(k, t) => format!(
                    "<{k}> {}",
                    t.split_whitespace().collect::<Vec<_>>().join(" ")
                ),
            })
            .collect();
        assert_eq!(got, expected, "input {html}");
    }

    const PARA: &str = "This is a long enough paragraph of article text, with commas, clauses, and more words to score well.";

    #[test]
    fn a_lead_in_a_header_named_by_its_block_and_without_a_full_stop_is_kept() {
        // BEM names carry the header's block name (`article-header__title`), which reads
        // as navigation; the lead is one long sentence without its full stop
        let lead = "Die Lokalwahlen endeten nicht nur mit einem gro\u{df}en Sieg der Opposition, sondern beendeten auch die Karriere des Premierministers";
        let html = format!(
            "<html><head><title>Wahl</title></head><body><article class='article'>\
             <header class='article-header'><h1 class='article-header__title'>Nach der Wahl</h1>\
             <p class='article-header__lead'>{lead}</p></header>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></body></html>"
        );
        let dom = parse(&html);
        let content = extract(&dom, dom.title.as_deref());
        let first = content.items.iter().find_map(|i| match i {
            Item::Para(p) => Some(p.trim()),
            Item::Removed(..) => None,
        });
        assert_eq!(first, Some(lead));
    }

    #[test]
    fn an_end_marker_after_most_of_the_text_ends_it_unless_prose_follows() {
        let paras = |items: &[Item]| -> Vec<String> {
            items
                .iter()
                .filter_map(|i| match i {
                    Item::Para(p) => Some(p.clone()),
                    Item::Removed(..) => None,
                })
                .collect()
        };
        let para = |t: &str| Item::Para(t.to_string());
        // the share bar and the related list after a post: cut from the marker on
        let mut items = vec![
            para(PARA),
            para(PARA),
            para(PARA),
            para("Teilen mit:"),
            para("Gef\u{e4}llt mir"),
            para("\u{c4}hnliche Beitr\u{e4}ge (3)"),
            para("Ein anderer Beitrag \u{fc}ber das gleiche Thema"),
        ];
        cut_at_end_marker(&mut items);
        assert_eq!(paras(&items), [PARA, PARA, PARA]);
        assert!(matches!(&items[3], Item::Removed("boilerplate", t) if t == "Teilen mit:"));
        // an inline box between two parts of the article: prose follows, nothing is cut
        let long = format!("{PARA} {PARA}");
        let mut items = vec![
            para(PARA),
            para(PARA),
            para(PARA),
            para("Related"),
            para(&long),
        ];
        cut_at_end_marker(&mut items);
        assert_eq!(paras(&items).len(), 5);
        // before half of the text a marker is the article's own line
        let mut items = vec![
            para(PARA),
            para("Comments"),
            para(PARA),
            para(PARA),
            para("Share this:"),
        ];
        cut_at_end_marker(&mut items);
        assert_eq!(paras(&items), [PARA, "Comments", PARA, PARA]);
        assert_eq!(words::end_marker_key("  2 Kommentare (12) "), "kommentare");
        // a marker of several words opens a longer heading; one word must stand alone
        assert!(words::is_end_marker("Mehr zum Thema auf example.de"));
        assert!(words::is_end_marker(
            "Lesen Sie auch die folgenden Beitr\u{e4}ge:"
        ));
        assert!(!words::is_end_marker("Comments from readers were mixed"));
        // the contact and source blocks after a press release or report
        assert!(words::is_end_marker("Pressekontakt:"));
        assert!(words::is_end_marker("Weitere Informationen:"));
        assert_eq!(
            words::end_marker_key("J\u{2019}aime \u{e7}a\u{2026}"),
            "j'aime \u{e7}a"
        );
    }

    #[test]
    fn a_list_named_boilerplate_is_dropped_however_long_its_excerpts() {
        // related posts with their excerpts: more than 2,000 characters of text with few
        // links, which would pass for a body of prose, but a list is items
        let excerpt = "Zuletzt informierten wir Sie \u{fc}ber die Abweisung der Petition durch den Bundestag, und die Reaktion verwundert nicht, denn so ist es \u{fc}blich in Europa...";
        let items =
            format!("<li><a href='/r'>Ein anderer Beitrag</a><small>{excerpt}</small></li>")
                .repeat(14);
        let html = format!(
            "<html><body><div class='entry'><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p>\
             <ul class='related_post wp_rp'>{items}</ul></div></body></html>"
        );
        let dom = parse(&html);
        let content = extract(&dom, None);
        let paras: Vec<&str> = content
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Para(p) => Some(p.trim()),
                Item::Removed(..) => None,
            })
            .collect();
        assert_eq!(paras, [PARA, PARA, PARA]);
        assert!(content.items.iter().any(
            |i| matches!(i, Item::Removed("boilerplate", t) if t.contains("Abweisung der Petition"))
        ));
    }

    #[test]
    fn a_lead_the_container_drops_between_its_headline_and_its_body_is_kept_first() {
        // the teaser under the headline is the article's lead, though `teaser` drops
        // teasers elsewhere; its header is read as navigation and stays removed
        let html = format!(
            "<html><head><title>Storm hits the coast</title></head><body>\
             <div class='article'><div class='article-header'><h1>Storm hits the coast</h1>\
             <p class='teaser'>The storm reached the coast on Monday. Thousands lost power.</p>\
             <a href='/a'>Jane Doe</a></div>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></body></html>"
        );
        check(
            &html,
            &[
                "The storm reached the coast on Monday. Thousands lost power.",
                "<navigation> Storm hits the coast Jane Doe",
                PARA,
                PARA,
                PARA,
            ],
        );
    }

    #[test]
    fn a_teaser_after_a_headline_marked_up_as_one_is_the_lead() {
        // a news template's detail page: the headline is an `h3` marked `headline`, the
        // lead a teaser marked `description`, the body apart
        let html = format!(
            "<html><body><div class='news news-single'><div class='article'>\
             <div class='header'><h3 itemprop='headline'>Storm hits the coast</h3></div>\
             <div class='teaser-text' itemprop='description'><p>The storm reached the \
             coast on Monday, and thousands of homes lost power for hours.</p></div>\
             <div class='news-text-wrap' itemprop='articleBody'>\
             <p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div></div></body></html>"
        );
        check(
            &html,
            &[
                "The storm reached the coast on Monday, and thousands of homes lost power for hours.",
                PARA,
                PARA,
                PARA,
            ],
        );
    }

    #[test]
    fn selects_main_content() {
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <div class=sidebar><p>Sidebar text that is not the article at all, really.</p></div>\
             <article><h1>Headline</h1><p>{PARA}</p><figure><img src=x><figcaption>A caption [A B/Reuters]</figcaption></figure>\
             <h2>Sub</h2><p>{PARA}</p><div class=related><p>More:</p><ul><li><a href=1>Other story</a></li></ul></div>\
             <div class=comments><p>Great article, thanks.</p></div></article>\
             <footer><p>Copyright 2020</p></footer><div class=cookie-banner>We use cookies.</div></body></html>"
        );
        check(
            &page,
            &[
                PARA,
                "<caption> A caption [A B/Reuters]",
                "Sub",
                PARA,
                "<boilerplate> More: Other story",
                "<comments> Great article, thanks.",
            ],
        );
    }

    #[test]
    fn embedded_posts_keep_their_text_and_lose_their_chrome() {
        let page = format!(
            "<article><p>{PARA}</p>\
             <div class=\"article-widget article-tweet\"><div class=inner>\
             <blockquote class=twitter-tweet><p>Thank you all for the support.</p>\
             &mdash; A Player (@aplayer) <a href=x>November 19, 2019</a></blockquote></div></div>\
             <p>{PARA}</p></article>"
        );
        check(
            &page,
            &[
                PARA,
                "Thank you all for the support.",
                "<embed> — A Player (@aplayer) November 19, 2019",
                PARA,
            ],
        );
    }

    #[test]
    fn class_decisions() {
        let cases: &[(&str, Drop)] = &[
            ("", Drop::Keep),
            ("article-body main", Drop::Keep),
            ("Article-Body comments", Drop::Keep),
            ("sr-only", Drop::Silent),
            ("visually-hidden label", Drop::Silent),
            ("hiddenish", Drop::Keep),
            ("comments-area", Drop::Hard("comments")),
            ("twitter-tweet", Drop::Embed),
            ("sdc-article-widget sdc-article-tweet", Drop::Embed),
            ("instagram-media", Drop::Embed),
            ("wp-caption-text", Drop::Soft("caption")),
            ("image-credit", Drop::Soft("credit")),
            ("article-byline", Drop::Soft("byline")),
            ("photo-gallery slideshow", Drop::Soft("gallery")),
            ("related-stories", Drop::Soft("boilerplate")),
            ("inline-newsletter", Drop::Soft("boilerplate")),
            ("ad", Drop::Soft("boilerplate")),
            ("header ad-slot", Drop::Soft("boilerplate")),
            ("shadow", Drop::Keep),
            ("site-header", Drop::Soft("navigation")),
            ("breadcrumbs", Drop::Soft("navigation")),
            ("tag-list", Drop::Soft("navigation")),
            ("tag-cloud", Drop::Soft("navigation")),
            ("story", Drop::Keep),
            // a post class names its tags and categories: they say nothing of the element
            (
                "post-580285 post type-post status-publish tag-prison-papers tag-social-media",
                Drop::Keep,
            ),
            ("post hentry category-sidebar-news tag-hide-me", Drop::Keep),
        ];
        for (class, expected) in cases {
            assert_eq!(class_drop(class), *expected, "class {class:?}");
        }
    }

    #[test]
    fn a_body_named_container_is_taken_whole() {
        // the scoring finds the block of paragraphs; the element named `entry-content`
        // also holds the list after it, which is no paragraph container of its own
        let item = "A second point, made at length, with commas, clauses and a reason.";
        let page = format!(
            "<body><div class=nav><a href=/>Home</a></div>\
             <div class=entry-content><div>{}</div>\
             <div><ul><li>{item}</li><li>{item}</li></ul></div></div>\
             <div class=sidebar><p>Sidebar text that is not the article at all.</p></div>\
             </body>",
            format!("<p>{PARA}</p>").repeat(12)
        );
        let mut expected = vec![PARA; 12];
        expected.extend([item, item]);
        check(&page, &expected);
    }

    #[test]
    fn scores_without_article_element() {
        let page = format!(
            "<body><div id=menu><ul><li><a href=a>One</a></li><li><a href=b>Two</a></li></ul></div>\
             <div class=x><div class=y><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div></div>\
             <div class=z><p>Short footer.</p></div></body>"
        );
        check(&page, &[PARA, PARA, PARA]);
    }

    #[test]
    fn fragment_without_body() {
        check(&format!("<p>{PARA}</p><p>Second.</p>"), &[PARA, "Second."]);
        check("plain text only", &["plain text only"]);
    }

    #[test]
    fn item_prop_article_body_wins() {
        let page = format!(
            "<div><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></div><div itemprop=articleBody><p>{PARA} Body one.</p><p>{PARA} Body two.</p><p>{PARA}</p></div>"
        );
        check(
            &page,
            &[
                &format!("{PARA} Body one."),
                &format!("{PARA} Body two."),
                PARA,
            ],
        );
    }
}
