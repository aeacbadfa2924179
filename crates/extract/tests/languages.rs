//! Extraction on text in other languages runs only the language-neutral extractors.
use newsdesk_extract::{Config, extract};
use newsdesk_model::{Article, Extraction};

fn run(text: &str, language: Option<&str>) -> Extraction {
    let article = Article {
        text: text.into(),
        language: language.map(Into::into),
        published: chrono::NaiveDate::from_ymd_opt(2020, 3, 6),
        ..Article::default()
    };
    extract(&article, &Config::default())
}

const POLISH: &str = "Prezydent Meksyku spotkał się w czwartek z premierem Irlandii. \
    Koszt ten wynosi 2,5 mln zł, a w wypadku zginęło 12 osób. Spotkanie odbyło się \
    5 marca 2020 r. w Warszawie, a umowa wchodzi w życie 01.04.2020. \
    „Jesteśmy gotowi do dalszych rozmów” – powiedział prezydent po spotkaniu.";

#[test]
fn polish_gives_no_english_nonsense() {
    let x = run(POLISH, Some("pl"));
    assert!(x.entities.is_empty(), "{:?}", x.entities);
    assert!(x.claims.is_empty());
    // `ten wynosi` is not a count of ten, `12 osób` has no unit
    assert!(x.quantities.is_empty(), "{:?}", x.quantities);
    let dates: Vec<&str> = x.dates.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(dates, ["2020-03-05", "2020-04-01"]);
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].text, "Jesteśmy gotowi do dalszych rozmów");
    assert_eq!(x.quotes[0].speaker, None);
    assert!(
        x.keywords.iter().all(|k| k != "się" && k != "ten"),
        "{:?}",
        x.keywords
    );
    assert_eq!(
        x.extractors,
        [
            "quote-marks",
            "numeric-quantities",
            "numeric-dates",
            "keywords"
        ]
    );
}

#[test]
fn german_numbers_use_the_decimal_comma() {
    let x = run(
        "Der Korridor ist 6 km breit. Die Inflation lag bei 3,5 % und die Kosten bei \
         1.250,75 €. Seit dem 05.03.2020 gilt die Waffenruhe.",
        Some("de"),
    );
    let values: Vec<(f64, Option<&str>)> = x
        .quantities
        .iter()
        .map(|q| (q.value, q.unit.as_deref()))
        .collect();
    assert_eq!(
        values,
        [
            (6000.0, Some("m")),
            (3.5, Some("%")),
            (1250.75, Some("EUR"))
        ]
    );
    assert_eq!(x.dates[0].value, "2020-03-05");
    assert!(
        x.keywords.iter().all(|k| k != "die" && k != "der"),
        "{:?}",
        x.keywords
    );
}

#[test]
fn english_and_unknown_languages_run_everything() {
    let text =
        "Turkish President Recep Tayyip Erdogan said on Thursday that 12 people were killed.";
    for lang in [Some("en"), None] {
        let x = run(text, lang);
        assert!(!x.entities.is_empty());
        assert!(x.extractors.iter().any(|e| e == "entities"));
        assert!(
            x.quantities
                .iter()
                .any(|q| q.count.as_deref() == Some("killed"))
        );
    }
}

#[test]
fn a_language_without_word_lists_gets_no_key_terms() {
    let x = run(
        "Bu bir deneme metnidir ve 5 km uzunluğundadır, 2020-03-05 tarihinde.",
        Some("tr"),
    );
    assert!(x.keywords.is_empty());
    assert_eq!(x.dates[0].value, "2020-03-05");
    assert_eq!(x.quantities[0].value, 5000.0);
    assert_eq!(
        x.extractors,
        ["quote-marks", "numeric-quantities", "numeric-dates"]
    );
}
