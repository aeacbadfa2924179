//! Pass 1: quotation marks paired per paragraph, multi-paragraph quotes merged.

/// One quote as found by the mark pass.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// Content ranges (one per paragraph), trimmed, in text order.
    pub(super) parts: Vec<(usize, usize)>,
    /// Byte offset of the opening mark of the first part.
    pub(super) open: usize,
    /// Byte offset one past the closing mark (or the content end when unclosed).
    pub(super) close_end: usize,
    /// Whether the last part was closed by a mark.
    pub(super) closed: bool,
    /// Paragraph index of the first and the last part.
    pub(super) first_para: usize,
    pub(super) last_para: usize,
}

/// A quote inside one paragraph, before continuation merging.
#[derive(Debug, Clone)]
struct Raw {
    open: usize,
    content: (usize, usize),
    close_end: usize,
    closed: bool,
    at_para_start: bool,
    after_colon_or_comma: bool,
    para: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    Straight,
    OpenSingle,
    CloseSingle,
}

/// Splits `text` into paragraphs: blank lines, or a line break after a
/// sentence end followed by a capital or a quotation mark.
pub(super) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));
    let mut paras = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (s, e) in lines {
        let line = text.get(s..e).unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(p) = cur.take() {
                paras.push(p);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let ls = s + lead;
        let le = s + line.trim_end().len();
        match cur {
            None => cur = Some((ls, le)),
            Some((ps, pe)) => {
                let prev_end = text.get(ps..pe).and_then(|t| t.chars().last());
                let first = trimmed.chars().next();
                let breaks = matches!(
                    prev_end,
                    Some('.' | '?' | '!' | ':' | '"' | '”' | '’' | ']')
                ) && first.is_some_and(|c| c.is_uppercase() || is_open_like(c));
                if breaks {
                    paras.push((ps, pe));
                    cur = Some((ls, le));
                } else {
                    cur = Some((ps, le));
                }
            }
        }
    }
    if let Some(p) = cur {
        paras.push(p);
    }
    paras
}

pub(super) fn is_open_like(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '„' | '`' | '\'')
}

fn is_dash_or_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/')
}

/// Classifies the mark at `i` (a char boundary); returns the mark and its byte length.
fn classify(text: &str, i: usize, c: char) -> Option<(Mark, usize)> {
    let prev = text.get(..i).and_then(|t| t.chars().next_back());
    let next = text.get(i + c.len_utf8()..).and_then(|t| t.chars().next());
    let prev_space = prev.is_none_or(|p| p.is_whitespace() || is_dash_or_open_bracket(p));
    let next_alnum = next.is_some_and(char::is_alphanumeric);
    let prev_alnum = prev.is_some_and(char::is_alphanumeric);
    match c {
        '“' | '„' | '«' => Some((Mark::OpenDouble, c.len_utf8())),
        '”' | '»' => Some((Mark::CloseDouble, c.len_utf8())),
        '"' => Some((Mark::Straight, 1)),
        '`' => (next == Some('`')).then_some((Mark::OpenDouble, 2)),
        '‘' => (next.is_some_and(|n| !n.is_whitespace())).then_some((Mark::OpenSingle, 3)),
        '\'' if next == Some('\'') => {
            let after = text.get(i + 2..).and_then(|t| t.chars().next());
            if prev_space && after.is_some_and(|a| !a.is_whitespace()) {
                Some((Mark::OpenDouble, 2))
            } else {
                Some((Mark::CloseDouble, 2))
            }
        }
        '\'' | '’' => {
            if prev_alnum && next_alnum {
                None // it's, don’t
            } else if prev_space && next.is_some_and(|n| n.is_alphanumeric() || n == '"') {
                // ’90s or 'em are rare enough; a straight or curly mark after a space opens
                (c == '\'').then_some((Mark::OpenSingle, 1))
            } else if !prev_space && !next_alnum {
                Some((Mark::CloseSingle, c.len_utf8()))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Trims whitespace (and a trailing comma) off a content range.
fn trim_content(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let inner = text.get(s..e)?;
    let lead = inner.len() - inner.trim_start().len();
    let mut t = inner.trim();
    while let Some(stripped) = t.strip_suffix(',') {
        t = stripped.trim_end();
    }
    let s2 = s + lead;
    let e2 = s2 + t.len();
    (t.chars().any(char::is_alphanumeric)).then_some((s2, e2))
}

/// Pairs marks paragraph by paragraph and merges multi-paragraph quotes.
/// A photo caption between the paragraphs of a quote: a short line ending in
/// a bracketed credit (`[Reuters]`), or with no sentence end and no quote mark.
fn is_caption(p: &str) -> bool {
    let p = p.trim();
    let short = p.split_whitespace().count() <= 30;
    short
        && (p.ends_with(']')
            || (!p.ends_with(['.', '?', '!', '"', '”', '’', '\'']) && !p.contains(['"', '“', '”'])))
}

pub(super) fn pair_marks(text: &str) -> Vec<Span> {
    let paras = paragraphs(text);
    let mut raws: Vec<Raw> = Vec::new();
    for (pi, &(ps, pe)) in paras.iter().enumerate() {
        let Some(ptext) = text.get(ps..pe) else {
            continue;
        };
        // (mark offset, content start, was at paragraph start, after colon/comma)
        let mut dbl: Option<(usize, usize, bool, bool)> = None;
        let mut sgl: Option<(usize, usize, bool, bool)> = None;
        let mut skip_until = 0;
        for (rel, c) in ptext.char_indices() {
            let i = ps + rel;
            if i < skip_until {
                continue;
            }
            let Some((mark, len)) = classify(text, i, c) else {
                continue;
            };
            skip_until = i + len;
            let at_start = text.get(ps..i).is_some_and(|t| t.trim().is_empty());
            let after_cc = text
                .get(ps..i)
                .and_then(|t| t.trim_end().chars().next_back())
                .is_some_and(|p| matches!(p, ':' | ','));
            let prev = text.get(..i).and_then(|t| t.chars().next_back());
            let next = text.get(i + len..).and_then(|t| t.chars().next());
            let looks_open = prev.is_none_or(|p| p.is_whitespace() || is_dash_or_open_bracket(p))
                && next.is_some_and(|n| !n.is_whitespace());
            let close_dbl = |o: (usize, usize, bool, bool), raws: &mut Vec<Raw>| {
                if let Some(content) = trim_content(text, o.1, i) {
                    raws.push(Raw {
                        open: o.0,
                        content,
                        close_end: i + len,
                        closed: true,
                        at_para_start: o.2,
                        after_colon_or_comma: o.3,
                        para: pi,
                    });
                }
            };
            match mark {
                Mark::OpenDouble => match dbl {
                    Some(o) if !looks_open => {
                        close_dbl(o, &mut raws);
                        dbl = None;
                        sgl = None;
                    }
                    _ => {
                        dbl = Some((i, i + len, at_start, after_cc));
                        sgl = None;
                    }
                },
                Mark::CloseDouble => {
                    if let Some(o) = dbl.take() {
                        close_dbl(o, &mut raws);
                        sgl = None;
                    }
                }
                Mark::Straight => match dbl {
                    Some(o) => {
                        if looks_open && prev.is_some_and(char::is_whitespace) {
                            // `"abc "def` : the earlier mark was stray, this one opens
                            dbl = Some((i, i + len, at_start, after_cc));
                        } else {
                            close_dbl(o, &mut raws);
                            dbl = None;
                        }
                        sgl = None;
                    }
                    None => {
                        if next.is_some_and(|n| !n.is_whitespace()) {
                            dbl = Some((i, i + len, at_start, after_cc));
                            sgl = None;
                        }
                    }
                },
                Mark::OpenSingle => {
                    if sgl.is_none() {
                        sgl = Some((i, i + len, at_start, after_cc));
                    }
                }
                Mark::CloseSingle => {
                    if let Some(o) = sgl.take() {
                        // nested inside a double quote: part of that quote
                        if dbl.is_none()
                            && i.saturating_sub(o.1) <= 400
                            && let Some(content) = trim_content(text, o.1, i)
                        {
                            raws.push(Raw {
                                open: o.0,
                                content,
                                close_end: i + len,
                                closed: true,
                                at_para_start: o.2,
                                after_colon_or_comma: o.3,
                                para: pi,
                            });
                        }
                    }
                }
            }
        }
        if let Some(o) = dbl
            && let Some(content) = trim_content(text, o.1, pe)
        {
            raws.push(Raw {
                open: o.0,
                content,
                close_end: content.1,
                closed: false,
                at_para_start: o.2,
                after_colon_or_comma: o.3,
                para: pi,
            });
        }
    }
    raws.sort_by_key(|r| r.open);
    // merge continuations
    let mut spans: Vec<Span> = Vec::new();
    let mut i = 0;
    while i < raws.len() {
        let Some(first) = raws.get(i) else { break };
        let mut span = Span {
            parts: vec![first.content],
            open: first.open,
            close_end: first.close_end,
            closed: first.closed,
            first_para: first.para,
            last_para: first.para,
        };
        let mut keep = first.closed || first.at_para_start || first.after_colon_or_comma;
        let mut j = i + 1;
        while !span.closed {
            // the next paragraph, or the one after a photo caption
            let next_ok = |n: &Raw| {
                n.para == span.last_para + 1
                    || (n.para == span.last_para + 2
                        && paras
                            .get(span.last_para + 1)
                            .and_then(|&(s, e)| text.get(s..e))
                            .is_some_and(is_caption))
            };
            match raws.get(j) {
                Some(n) if next_ok(n) && n.at_para_start => {
                    span.parts.push(n.content);
                    span.close_end = n.close_end;
                    span.closed = n.closed;
                    span.last_para = n.para;
                    keep = true;
                    j += 1;
                }
                _ => break,
            }
        }
        let words: usize = span
            .parts
            .iter()
            .map(|&(s, e)| text.get(s..e).unwrap_or("").split_whitespace().count())
            .sum();
        if span.closed || (keep && words >= 2) {
            spans.push(span);
        }
        i = j;
    }
    spans
}
