//! Language identification with whatlang, reported as ISO 639-1.

use whatlang::Lang;

/// Characters of text given to the detector (detection cost stays bounded).
const SAMPLE: usize = 2000;
/// Fewer alphabetic characters than this: too short to say.
const MIN_LETTERS: usize = 40;

/// The ISO 639-1 code of a whatlang language.
fn iso639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    })
}

/// The primary subtag of a `lang` attribute (`en-GB` -> `en`), if it is a two-letter code.
pub(crate) fn primary_subtag(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// Detects the language of `text`. A reliable detection wins; otherwise the page's declared
/// language is used when the detector's best guess agrees with it or the text is long enough
/// to be real prose; short or ambiguous text gives `None`.
pub(crate) fn detect(text: &str, declared: Option<&str>) -> Option<String> {
    let sample: String = text.chars().take(SAMPLE).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    if is_plainly_english(&sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&sample);
    let guess = info.as_ref().and_then(|i| iso639_1(i.lang()));
    let reliable = info
        .as_ref()
        .is_some_and(|i| i.is_reliable() && i.confidence() >= 0.5);
    let declared = declared.and_then(primary_subtag);
    match (guess, reliable, declared) {
        (Some(g), true, _) => Some(g.to_string()),
        (Some(g), false, Some(d)) if g == d => Some(d),
        (_, false, Some(d)) if letters >= 200 => Some(d),
        _ => None,
    }
}

/// English function words that are not also common words of other languages
/// written in Latin script (no `a`, `in`, `is`, `on`, `an`, `die`, ...).
const ENGLISH_FUNCTION_WORDS: [&str; 28] = [
    "the", "and", "of", "to", "that", "was", "for", "with", "said", "from", "by", "has", "have",
    "are", "were", "this", "which", "his", "their", "it", "would", "not", "but", "they", "been",
    "its", "who", "had",
];

/// A cheap test that settles most news text before the statistical detector:
/// at least 40 words, nearly all in ASCII letters, of which at least 15% are
/// English function words (English prose has 20-30%; other languages next to none).
fn is_plainly_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function = 0usize;
    let mut non_ascii_letters = 0usize;
    let mut letters = 0usize;
    for c in sample.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if !c.is_ascii() {
                non_ascii_letters += 1;
            }
        }
    }
    if non_ascii_letters * 50 > letters {
        return false;
    }
    for word in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= 5
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(word))
        {
            function += 1;
        }
    }
    words >= 40 && function * 100 >= words * 15
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        let cases: [(&str, Option<&str>, Option<&str>); 5] = [
            (
                "Turkish President Recep Tayyip Erdogan and his Russian counterpart Vladimir Putin have announced a military ceasefire in Idlib.",
                None,
                Some("en"),
            ),
            (
                "Le président turc et son homologue russe ont annoncé un cessez-le-feu dans la région d'Idlib après une réunion à Moscou.",
                None,
                Some("fr"),
            ),
            ("Too short.", None, None),
            ("Too short.", Some("en"), None),
            (
                "Turkish President Recep Tayyip Erdogan and his Russian counterpart Vladimir Putin have announced a military ceasefire in Idlib.",
                Some("en-GB"),
                Some("en"),
            ),
        ];
        for (text, declared, expected) in cases {
            assert_eq!(
                detect(text, declared).as_deref(),
                expected,
                "input {text:?}"
            );
        }
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("english"), None);
    }

    #[test]
    fn function_words_settle_plain_english_only() {
        let english = "The two leaders said the ceasefire would begin at midnight, and that \
                       their ministers had agreed on a corridor along the highway. It was the \
                       first deal of its kind since the start of the offensive, which has \
                       displaced nearly a million people from their homes in the region.";
        let german = "Die beiden Staatschefs sagten, die Waffenruhe werde um Mitternacht \
                      beginnen, und ihre Minister hätten sich auf einen Korridor entlang der \
                      Autobahn geeinigt. Es war die erste Vereinbarung dieser Art seit Beginn \
                      der Offensive, die fast eine Million Menschen vertrieben hat.";
        let dutch = "De twee leiders zeiden dat het staakt-het-vuren om middernacht zou \
                     beginnen en dat hun ministers het eens waren over een corridor langs de \
                     snelweg. Het was de eerste overeenkomst sinds het begin van het offensief, \
                     dat bijna een miljoen mensen uit hun huizen heeft verdreven in de regio.";
        assert!(is_plainly_english(english));
        assert!(!is_plainly_english(german));
        assert!(!is_plainly_english(dutch));
        assert!(!is_plainly_english("The end."), "too short to say");
        assert_eq!(detect(english, None).as_deref(), Some("en"));
        assert_eq!(detect(german, None).as_deref(), Some("de"));
        assert_eq!(detect(dutch, None).as_deref(), Some("nl"));
    }
}
