//! Text values of string fast fields for many documents at once.

use tantivy::DocId;
use tantivy::columnar::StrColumn;

/// The first text value of `column` for each of `docs` (`None` where a document has
/// none), in the order of `docs`. The ordinals are turned into text in one sorted walk
/// of the column's dictionary: looking each one up alone decodes its dictionary block
/// from the start, which on a large index was most of the time of a listing, a facet
/// count or a merge.
pub(crate) fn first_texts(
    column: &StrColumn,
    docs: &[DocId],
) -> std::io::Result<Vec<Option<String>>> {
    let ords: Vec<Option<u64>> = docs
        .iter()
        .map(|doc| column.term_ords(*doc).next())
        .collect();
    let mut sorted: Vec<u64> = ords.iter().flatten().copied().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut text: Vec<Option<String>> = Vec::with_capacity(sorted.len());
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |bytes| {
            text.push(std::str::from_utf8(bytes).ok().map(str::to_string));
        })?;
    Ok(ords
        .iter()
        .map(|o| {
            o.and_then(|o| sorted.binary_search(&o).ok())
                .and_then(|i| text.get(i))
                .and_then(Clone::clone)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::name;
    use crate::test_docs::{corpus, index_with};

    #[test]
    fn first_texts_equal_single_lookups_in_any_order() {
        let (_dir, index) = index_with(&corpus());
        let searcher = index.reader.searcher();
        for segment in searcher.segment_readers() {
            for field in [name::ID, name::SOURCE] {
                let column = segment.fast_fields().str(field).unwrap().unwrap();
                let mut docs: Vec<DocId> = segment.doc_ids_alive().collect();
                docs.reverse();
                docs.push(docs[0]);
                let one = |doc: DocId| {
                    let ord = column.term_ords(doc).next()?;
                    let mut s = String::new();
                    column.ord_to_str(ord, &mut s).unwrap().then_some(s)
                };
                let expected: Vec<Option<String>> = docs.iter().map(|d| one(*d)).collect();
                assert!(expected.iter().all(Option::is_some));
                assert_eq!(first_texts(&column, &docs).unwrap(), expected, "{field}");
            }
        }
    }
}
