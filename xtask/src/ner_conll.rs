//! Reading CoNLL-2003 files (`-DOCSTART-` documents, IOB tags in the last column).
use newsdesk_extract::ner::{Tag, TrainDocument, TrainToken};
use newsdesk_model::Label;

/// Parses a CoNLL file into documents; `I-` tags that do not continue an entity of the same type begin one.
pub(crate) fn read(data: &str) -> Vec<TrainDocument> {
    let mut docs = Vec::new();
    let mut doc = TrainDocument::default();
    let mut sent: Vec<TrainToken> = Vec::new();
    let flush_sent = |sent: &mut Vec<TrainToken>, doc: &mut TrainDocument| {
        if !sent.is_empty() {
            doc.sentences.push(std::mem::take(sent));
        }
    };
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            flush_sent(&mut sent, &mut doc);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else {
            flush_sent(&mut sent, &mut doc);
            continue;
        };
        let (prefix, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let label = match ty {
            "PER" => Some(Label::Person),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "MISC" => Some(Label::Misc),
            _ => None,
        };
        let continues = sent.last().is_some_and(|p| p.tag.label == label);
        let begin = label.is_some() && (prefix == "B" || !continues);
        sent.push(TrainToken {
            word: (*word).to_string(),
            tag: Tag { label, begin },
        });
    }
    flush_sent(&mut sent, &mut doc);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

/// A document as plain text (tokens joined by spaces, sentences by blank lines)
/// and its gold spans `(start, end, label)` in bytes.
pub(crate) fn text_and_spans(doc: &TrainDocument) -> (String, Vec<(usize, usize, Label)>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, usize, Label)> = None;
    for s in &doc.sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for (i, t) in s.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&t.word);
            let end = text.len();
            match (t.tag.label, open.as_mut()) {
                (Some(l), Some(o)) if !t.tag.begin && o.2 == l => o.1 = end,
                (Some(l), _) => {
                    gold.extend(open.take());
                    open = Some((start, end, l));
                }
                (None, _) => gold.extend(open.take()),
            }
        }
        gold.extend(open.take());
    }
    (text, gold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_spans() {
        let data = "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\nin IN O O\nBRUSSELS NNP B-NP I-LOC\n";
        let docs = read(data);
        assert_eq!(docs.len(), 1);
        let (text, spans) = text_and_spans(&docs[0]);
        assert_eq!(text, "Peter Blackburn\n\nin BRUSSELS");
        assert_eq!(spans, vec![(0, 15, Label::Person), (20, 28, Label::Loc)]);
    }
}
