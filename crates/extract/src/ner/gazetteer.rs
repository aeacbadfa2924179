//! Gazetteer: phrases (GeoNames places and the hand-written lexicons) hashed to category flags.
use super::hash::{self, Table};
use crate::lexicon::{self, List};
use std::collections::HashMap;

/// A country name.
pub(crate) const COUNTRY: u16 = 1;
/// A capital or a city of at least a million people.
pub(crate) const BIG_CITY: u16 = 1 << 1;
/// Any other city in GeoNames (population 15,000 or more).
pub(crate) const CITY: u16 = 1 << 2;
/// A continent, US state or US county.
pub(crate) const REGION: u16 = 1 << 3;
/// Hand-written place list.
pub(crate) const LX_LOC: u16 = 1 << 4;
/// Hand-written organisation list.
pub(crate) const LX_ORG: u16 = 1 << 5;
/// Hand-written list of well-known people.
pub(crate) const LX_PERSON: u16 = 1 << 6;
/// Nationality or demonym.
pub(crate) const DEMONYM: u16 = 1 << 7;
/// Given name.
pub(crate) const FIRST_NAME: u16 = 1 << 8;
/// Title before a name.
pub(crate) const TITLE: u16 = 1 << 9;
/// Organisation head noun.
pub(crate) const ORG_HEAD: u16 = 1 << 10;
/// Place head noun.
pub(crate) const LOC_HEAD: u16 = 1 << 11;
/// Event or prize head noun.
pub(crate) const MISC_HEAD: u16 = 1 << 12;
/// Common or function word.
pub(crate) const COMMON: u16 = 1 << 13;
/// Month or weekday.
pub(crate) const CALENDAR: u16 = 1 << 14;
/// Reporting verb.
pub(crate) const SPEECH: u16 = 1 << 15;

/// Longest phrase, in tokens, that is looked up.
pub(crate) const MAX_PHRASE: usize = 6;

/// The GeoNames extract committed beside the model (see `models/README.md`).
const GEONAMES: &[u8] = include_bytes!("../../models/gazetteer.tsv.gz");

/// Phrase hashes (see [`phrase_key`]) to flags.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    table: Table,
    flags: Vec<u16>,
}

/// The hash of a phrase given as text, tokenized like article text.
pub(crate) fn phrase_key(text: &str) -> Option<u64> {
    // Fast path: letters and single spaces tokenize to the space-separated words.
    if text.chars().all(|c| c.is_alphabetic() || c == ' ') {
        let mut n = 0;
        let mut h = 0;
        for w in text.split(' ') {
            if w.is_empty() {
                continue;
            }
            n += 1;
            h = hash::phrase(h, hash::lower(w));
        }
        return (n > 0 && n <= MAX_PHRASE).then_some(h);
    }
    let toks = crate::tokens::tokenize(text);
    if toks.is_empty() || toks.len() > MAX_PHRASE {
        return None;
    }
    Some(
        toks.iter()
            .fold(0, |h, t| hash::phrase(h, hash::lower(t.text(text)))),
    )
}

impl Gazetteer {
    /// Builds the gazetteer from the committed GeoNames extract and the lexicons.
    pub(crate) fn builtin() -> Gazetteer {
        let mut map: HashMap<u64, u16> = HashMap::new();
        let mut add = |name: &str, flag: u16| {
            if let Some(k) = phrase_key(name) {
                *map.entry(k).or_default() |= flag;
            }
        };
        let geo = decompress(GEONAMES);
        for line in geo.lines() {
            let Some((code, name)) = line.split_once('\t') else {
                continue;
            };
            let flag = match code {
                "C" => COUNTRY,
                "B" => BIG_CITY,
                "T" => CITY,
                "R" => REGION,
                _ => continue,
            };
            add(name, flag);
        }
        for (list, words) in lexicon::raw_lists() {
            let flag = match list {
                List::Location => LX_LOC,
                List::Org => LX_ORG,
                List::Person => LX_PERSON,
                List::Demonym => DEMONYM,
                List::FirstName => FIRST_NAME,
                List::TitleHead => TITLE,
                List::OrgHead => ORG_HEAD,
                List::LocHead => LOC_HEAD,
                List::MiscHead => MISC_HEAD,
                List::Common => COMMON,
                List::Calendar => CALENDAR,
                List::Speech => SPEECH,
            };
            for w in words.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                add(w, flag);
            }
        }
        let mut entries: Vec<(u64, u16)> = map.into_iter().collect();
        entries.sort_unstable();
        let mut table = Table::with_capacity(entries.len());
        let mut flags = Vec::with_capacity(entries.len());
        for (k, f) in entries {
            table.insert(k, flags.len() as u32);
            flags.push(f);
        }
        Gazetteer { table, flags }
    }

    /// Flags of the phrase with hash `key` (0 when unknown).
    #[inline]
    pub(crate) fn get(&self, key: u64) -> u16 {
        self.table
            .get(key)
            .and_then(|i| self.flags.get(i as usize).copied())
            .unwrap_or(0)
    }
}

fn decompress(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut s = String::new();
    let mut d = flate2::read::GzDecoder::new(bytes);
    if d.read_to_string(&mut s).is_err() {
        s.clear();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(phrase: &str, flag: u16, expected: bool) {
        let g = super::super::resources().gazetteer();
        let f = phrase_key(phrase).map_or(0, |k| g.get(k));
        assert_eq!(f & flag != 0, expected, "{phrase}: flags {f:#b}");
    }

    #[test]
    fn fast_path_matches_the_tokenizer() {
        for name in [
            "New York",
            "Rio de Janeiro",
            "São Paulo",
            "  Sochi ",
            "Ürümqi",
        ] {
            let toks = crate::tokens::tokenize(name);
            let slow = toks
                .iter()
                .fold(0, |h, t| hash::phrase(h, hash::lower(t.text(name))));
            assert_eq!(phrase_key(name), Some(slow), "{name}");
        }
    }

    #[test]
    fn lookups() {
        let cases = [
            ("Germany", COUNTRY, true),
            ("GERMANY", COUNTRY, true),
            ("Idlib", CITY | BIG_CITY, true),
            ("New York", BIG_CITY | CITY, true),
            ("Texas", REGION, true),
            ("Europe", REGION, true),
            ("Turkish", DEMONYM, true),
            ("said", SPEECH, true),
            ("xyzzy", COUNTRY | CITY | BIG_CITY, false),
            ("St. Petersburg", CITY | BIG_CITY, true),
            ("Winston-Salem", CITY | BIG_CITY, true),
        ];
        for (p, f, e) in cases {
            check(p, f, e);
        }
    }
}
