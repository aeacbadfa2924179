//! Which extractors run for a document's language, and the few words of other
//! languages that the language-neutral extractors need.
//!
//! The tagger, the quote and claim cues, number words, counted nouns and date
//! words are English. On other languages they read nonsense (a Polish `ten
//! wynosi` as a count of ten, `Meksyku` as a person), so [`Profile::of`] gives
//! English documents, and documents whose language is unknown, every extractor,
//! and other languages only what does not depend on English: quotation marks
//! (no speaker), quantities written with digits and a unit, numeric and ISO
//! dates and, for the languages listed here, dates with the language's month
//! names; key terms where the language has a stop-word list below.

/// What extraction does for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Profile {
    /// Every English extractor runs.
    pub(crate) english: bool,
    /// Numbers are written `3,5` and `1.000.000` (decimal comma, dot or space groups).
    pub(crate) decimal_comma: bool,
    /// Function words of the language, for key terms; `None`: no key terms.
    pub(crate) stopwords: Option<&'static [&'static str]>,
    /// Month names of the language (inflected forms included), January first.
    pub(crate) months: Option<&'static [&'static [&'static str]; 12]>,
}

impl Profile {
    /// The profile of an ISO 639-1 language code; `None` (unknown) is read as English.
    pub(crate) fn of(language: Option<&str>) -> Profile {
        let lang = language.map(|l| l.to_ascii_lowercase());
        let lang = lang.as_deref();
        if lang.is_none_or(|l| l == "en") {
            return Profile {
                english: true,
                decimal_comma: false,
                stopwords: None,
                months: None,
            };
        }
        let lang = lang.unwrap_or_default();
        let (stopwords, months): (
            &'static [&'static str],
            &'static [&'static [&'static str]; 12],
        ) = match lang {
            "de" => (DE_STOP, &DE_MONTHS),
            "fr" => (FR_STOP, &FR_MONTHS),
            "es" => (ES_STOP, &ES_MONTHS),
            "it" => (IT_STOP, &IT_MONTHS),
            "pt" => (PT_STOP, &PT_MONTHS),
            "nl" => (NL_STOP, &NL_MONTHS),
            "pl" => (PL_STOP, &PL_MONTHS),
            _ => {
                return Profile {
                    english: false,
                    decimal_comma: DECIMAL_COMMA.contains(&lang),
                    stopwords: None,
                    months: None,
                };
            }
        };
        Profile {
            english: false,
            decimal_comma: DECIMAL_COMMA.contains(&lang),
            stopwords: Some(stopwords),
            months: Some(months),
        }
    }

    /// The names of the extractors this profile runs, as the record's `extractors` lists them.
    pub(crate) fn extractors(&self) -> Vec<String> {
        let names: &[&str] = if self.english {
            &[
                "entities",
                "quotes",
                "claims",
                "quantities",
                "dates",
                "keywords",
            ]
        } else if self.stopwords.is_some() {
            &[
                "quote-marks",
                "numeric-quantities",
                "numeric-dates",
                "keywords",
            ]
        } else {
            &["quote-marks", "numeric-quantities", "numeric-dates"]
        };
        names.iter().map(|n| (*n).to_string()).collect()
    }
}

/// Languages that write the decimal separator as a comma (ISO 639-1).
const DECIMAL_COMMA: &[&str] = &[
    "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "ro", "hu", "da",
    "nb", "nn", "no", "sv", "fi", "et", "lv", "lt", "ru", "uk", "be", "bg", "mk", "el", "tr", "ca",
    "gl", "eu", "id", "vi", "az", "ka", "hy", "kk", "uz", "af",
];

const DE_STOP: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "und", "oder", "aber", "doch", "sondern", "denn", "dass", "daß", "weil", "wenn", "als", "wie",
    "ob", "ich", "du", "er", "sie", "es", "wir", "ihr", "ihm", "ihn", "ihnen", "sich", "mich",
    "mir", "uns", "euch", "sein", "seine", "seiner", "seinen", "seinem", "ihre", "ihrer", "ihren",
    "ihrem", "unser", "unsere", "mein", "meine", "dein", "nicht", "kein", "keine", "keinen",
    "auch", "noch", "schon", "nur", "sehr", "mehr", "so", "dann", "da", "hier", "dort", "jetzt",
    "immer", "wieder", "ist", "sind", "war", "waren", "bin", "bist", "hat", "haben", "hatte",
    "hatten", "wird", "werden", "wurde", "wurden", "worden", "kann", "können", "konnte", "muss",
    "müssen", "soll", "sollen", "sollte", "will", "wollen", "wollte", "mit", "von", "vom", "zu",
    "zum", "zur", "auf", "aus", "bei", "beim", "nach", "für", "über", "unter", "vor", "an", "am",
    "im", "in", "ins", "um", "bis", "durch", "gegen", "ohne", "seit", "zwischen", "während",
    "dies", "diese", "dieser", "dieses", "diesen", "diesem", "jede", "jeder", "jedes", "alle",
    "allen", "alles", "man", "was", "wer", "wo", "wann", "warum", "welche", "welcher", "welches",
    "etwa", "sowie", "bereits", "einmal", "mal", "viel", "viele", "vielen", "ganz", "gibt", "geht",
    "gut", "neue", "neuen", "ersten", "zwei", "drei", "heute", "gestern", "morgen", "uhr",
    "prozent", "jahr", "jahren", "jahre", "sagte", "sagt", "laut",
];

const FR_STOP: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "et",
    "ou",
    "mais",
    "donc",
    "or",
    "ni",
    "car",
    "que",
    "qu",
    "qui",
    "quoi",
    "dont",
    "où",
    "je",
    "tu",
    "il",
    "elle",
    "on",
    "nous",
    "vous",
    "ils",
    "elles",
    "se",
    "s",
    "me",
    "m",
    "te",
    "t",
    "lui",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "notre",
    "nos",
    "votre",
    "vos",
    "ce",
    "cet",
    "cette",
    "ces",
    "ne",
    "pas",
    "plus",
    "moins",
    "très",
    "aussi",
    "encore",
    "déjà",
    "toujours",
    "est",
    "sont",
    "était",
    "étaient",
    "été",
    "être",
    "a",
    "ont",
    "avait",
    "avoir",
    "fait",
    "faire",
    "peut",
    "doit",
    "va",
    "sera",
    "seront",
    "dans",
    "en",
    "sur",
    "sous",
    "pour",
    "par",
    "avec",
    "sans",
    "chez",
    "entre",
    "vers",
    "depuis",
    "pendant",
    "avant",
    "après",
    "contre",
    "selon",
    "au",
    "aux",
    "comme",
    "si",
    "tout",
    "tous",
    "toute",
    "toutes",
    "autre",
    "autres",
    "même",
    "ainsi",
    "alors",
    "bien",
    "y",
    "c",
    "j",
    "n",
    "ça",
    "cela",
    "ceci",
    "celui",
    "celle",
    "deux",
    "trois",
    "premier",
    "première",
    "ans",
    "année",
    "a-t-il",
    "dit",
    "déclaré",
];

const ES_STOP: &[&str] = &[
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "y", "e", "o", "u", "pero",
    "sino", "que", "quien", "quienes", "cual", "cuales", "cuando", "donde", "como", "porque",
    "pues", "si", "yo", "tú", "él", "ella", "ellos", "ellas", "nosotros", "vosotros", "usted",
    "ustedes", "se", "me", "te", "le", "les", "nos", "su", "sus", "mi", "mis", "tu", "tus",
    "nuestro", "nuestra", "no", "ni", "más", "menos", "muy", "también", "ya", "aún", "todavía",
    "siempre", "es", "son", "era", "eran", "fue", "fueron", "ser", "sido", "está", "están",
    "estaba", "estar", "ha", "han", "había", "haber", "hay", "tiene", "tienen", "puede", "pueden",
    "de", "del", "al", "a", "en", "con", "por", "para", "sin", "sobre", "entre", "hasta", "desde",
    "durante", "tras", "contra", "según", "ante", "bajo", "este", "esta", "estos", "estas", "ese",
    "esa", "esos", "esas", "aquel", "todo", "toda", "todos", "todas", "otro", "otra", "otros",
    "otras", "mismo", "misma", "así", "bien", "dos", "tres", "año", "años", "dijo", "hace", "sólo",
    "solo",
];

const IT_STOP: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "dello", "della",
    "dei", "degli", "delle", "a", "al", "allo", "alla", "ai", "agli", "alle", "da", "dal", "dalla",
    "dai", "in", "nel", "nello", "nella", "nei", "negli", "nelle", "con", "su", "sul", "sulla",
    "per", "tra", "fra", "e", "ed", "o", "ma", "che", "chi", "cui", "non", "più", "anche", "come",
    "se", "si", "ci", "ne", "mi", "ti", "vi", "io", "tu", "lui", "lei", "noi", "voi", "loro",
    "suo", "sua", "suoi", "sue", "mio", "mia", "questo", "questa", "questi", "queste", "quello",
    "quella", "è", "sono", "era", "erano", "stato", "stata", "essere", "ha", "hanno", "aveva",
    "avere", "può", "tutto", "tutti", "tutta", "tutte", "molto", "già", "ancora", "sempre", "dopo",
    "prima", "due", "tre", "anni", "anno", "detto", "quando", "dove", "perché", "poi", "così",
];

const PT_STOP: &[&str] = &[
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no",
    "na", "nos", "nas", "por", "pelo", "pela", "pelos", "pelas", "para", "com", "sem", "sobre",
    "entre", "até", "desde", "após", "contra", "e", "ou", "mas", "que", "quem", "qual", "quais",
    "quando", "onde", "como", "porque", "se", "não", "mais", "menos", "muito", "também", "já",
    "ainda", "sempre", "eu", "tu", "ele", "ela", "eles", "elas", "nós", "vocês", "você", "lhe",
    "lhes", "me", "te", "seu", "sua", "seus", "suas", "meu", "minha", "este", "esta", "estes",
    "estas", "esse", "essa", "isso", "isto", "aquele", "aquela", "é", "são", "era", "foi", "foram",
    "ser", "sido", "está", "estão", "estava", "estar", "tem", "têm", "ter", "há", "havia", "pode",
    "todo", "toda", "todos", "todas", "outro", "outra", "dois", "três", "ano", "anos", "disse",
];

const NL_STOP: &[&str] = &[
    "de", "het", "een", "en", "of", "maar", "want", "dus", "dat", "die", "dit", "deze", "wie",
    "wat", "waar", "wanneer", "hoe", "als", "omdat", "ik", "jij", "je", "hij", "zij", "ze", "wij",
    "we", "jullie", "u", "hem", "haar", "hun", "ons", "zich", "mij", "me", "zijn", "mijn", "jouw",
    "onze", "niet", "geen", "ook", "nog", "al", "wel", "zeer", "meer", "heel", "dan", "toen", "nu",
    "hier", "daar", "er", "is", "was", "waren", "ben", "bent", "heeft", "hebben", "had", "hadden",
    "wordt", "worden", "werd", "werden", "kan", "kunnen", "kon", "moet", "moeten", "zal", "zullen",
    "zou", "zouden", "wil", "willen", "van", "in", "op", "aan", "met", "voor", "door", "over",
    "bij", "naar", "uit", "tot", "om", "onder", "tegen", "tussen", "zonder", "na", "sinds",
    "tijdens", "alle", "alles", "veel", "andere", "twee", "drie", "jaar", "zei",
];

const PL_STOP: &[&str] = &[
    "i",
    "a",
    "w",
    "we",
    "z",
    "ze",
    "na",
    "do",
    "od",
    "o",
    "u",
    "po",
    "za",
    "przez",
    "przy",
    "dla",
    "bez",
    "pod",
    "nad",
    "przed",
    "między",
    "oraz",
    "lub",
    "albo",
    "ale",
    "lecz",
    "że",
    "żeby",
    "by",
    "aby",
    "jak",
    "jako",
    "gdy",
    "kiedy",
    "gdzie",
    "który",
    "która",
    "które",
    "którego",
    "której",
    "którzy",
    "których",
    "co",
    "czy",
    "nie",
    "tak",
    "też",
    "także",
    "już",
    "jeszcze",
    "tylko",
    "bardzo",
    "więcej",
    "się",
    "jest",
    "są",
    "był",
    "była",
    "było",
    "byli",
    "były",
    "być",
    "będzie",
    "będą",
    "został",
    "została",
    "zostało",
    "zostały",
    "może",
    "można",
    "ma",
    "mają",
    "miał",
    "mieć",
    "ja",
    "ty",
    "on",
    "ona",
    "ono",
    "my",
    "wy",
    "oni",
    "one",
    "go",
    "mu",
    "jej",
    "ich",
    "im",
    "nas",
    "was",
    "jego",
    "swój",
    "swoje",
    "swojej",
    "ten",
    "ta",
    "to",
    "te",
    "tego",
    "tej",
    "tym",
    "tych",
    "tę",
    "wszystko",
    "wszyscy",
    "inne",
    "dwa",
    "trzy",
    "roku",
    "lat",
    "r",
    "powiedział",
    "według",
];

const DE_MONTHS: [&[&str]; 12] = [
    &["januar", "jänner", "jan"],
    &["februar", "feber", "feb"],
    &["märz", "mär"],
    &["april", "apr"],
    &["mai"],
    &["juni", "jun"],
    &["juli", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["oktober", "okt"],
    &["november", "nov"],
    &["dezember", "dez"],
];

const FR_MONTHS: [&[&str]; 12] = [
    &["janvier", "janv"],
    &["février", "fevrier", "févr"],
    &["mars"],
    &["avril", "avr"],
    &["mai"],
    &["juin"],
    &["juillet", "juil"],
    &["août", "aout"],
    &["septembre", "sept"],
    &["octobre", "oct"],
    &["novembre", "nov"],
    &["décembre", "decembre", "déc"],
];

const ES_MONTHS: [&[&str]; 12] = [
    &["enero"],
    &["febrero"],
    &["marzo"],
    &["abril"],
    &["mayo"],
    &["junio"],
    &["julio"],
    &["agosto"],
    &["septiembre", "setiembre"],
    &["octubre"],
    &["noviembre"],
    &["diciembre"],
];

const IT_MONTHS: [&[&str]; 12] = [
    &["gennaio"],
    &["febbraio"],
    &["marzo"],
    &["aprile"],
    &["maggio"],
    &["giugno"],
    &["luglio"],
    &["agosto"],
    &["settembre"],
    &["ottobre"],
    &["novembre"],
    &["dicembre"],
];

const PT_MONTHS: [&[&str]; 12] = [
    &["janeiro"],
    &["fevereiro"],
    &["março", "marco"],
    &["abril"],
    &["maio"],
    &["junho"],
    &["julho"],
    &["agosto"],
    &["setembro"],
    &["outubro"],
    &["novembro"],
    &["dezembro"],
];

const NL_MONTHS: [&[&str]; 12] = [
    &["januari"],
    &["februari"],
    &["maart"],
    &["april"],
    &["mei"],
    &["juni"],
    &["juli"],
    &["augustus"],
    &["september"],
    &["oktober"],
    &["november"],
    &["december"],
];

/// Polish months: the genitive a day takes (`5 marca`) and the nominative.
const PL_MONTHS: [&[&str]; 12] = [
    &["stycznia", "styczeń"],
    &["lutego", "luty"],
    &["marca", "marzec"],
    &["kwietnia", "kwiecień"],
    &["maja", "maj"],
    &["czerwca", "czerwiec"],
    &["lipca", "lipiec"],
    &["sierpnia", "sierpień"],
    &["września", "wrzesień"],
    &["października", "październik"],
    &["listopada", "listopad"],
    &["grudnia", "grudzień"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_unknown_run_everything() {
        for lang in [None, Some("en"), Some("EN")] {
            let p = Profile::of(lang);
            assert!(p.english, "{lang:?}");
            assert!(p.extractors().contains(&"entities".to_string()));
        }
    }

    #[test]
    fn other_languages_run_the_neutral_extractors() {
        let de = Profile::of(Some("de"));
        assert!(!de.english && de.decimal_comma && de.months.is_some());
        assert_eq!(
            de.extractors(),
            [
                "quote-marks",
                "numeric-quantities",
                "numeric-dates",
                "keywords"
            ]
        );
        let ja = Profile::of(Some("ja"));
        assert!(!ja.english && !ja.decimal_comma && ja.stopwords.is_none());
        assert_eq!(
            ja.extractors(),
            ["quote-marks", "numeric-quantities", "numeric-dates"]
        );
    }

    #[test]
    fn word_lists_are_lowercase() {
        let lists: [&[&str]; 7] = [
            DE_STOP, FR_STOP, ES_STOP, IT_STOP, PT_STOP, NL_STOP, PL_STOP,
        ];
        for w in lists.iter().flat_map(|l| l.iter()) {
            assert_eq!(w.to_lowercase(), *w);
        }
        for table in [
            &DE_MONTHS, &FR_MONTHS, &ES_MONTHS, &IT_MONTHS, &PT_MONTHS, &NL_MONTHS, &PL_MONTHS,
        ] {
            for w in table.iter().flat_map(|m| m.iter()) {
                assert_eq!(w.to_lowercase(), *w);
            }
        }
    }
}
