//! Property tests for dates: resolving against a publication date never
//! panics, and every mention is an exact, ordered, non-overlapping slice of
//! the text with a value.
use chrono::NaiveDate;
use newsdesk_extract::timeml_dates;
use proptest::prelude::*;

/// Text made of the words that drive the date rules, plus anything at all.
fn texts() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("the"),
        Just("day"),
        Just("days"),
        Just("week"),
        Just("weekend"),
        Just("before"),
        Just("after"),
        Just("earlier"),
        Just("later"),
        Just("last"),
        Just("past"),
        Just("next"),
        Just("this"),
        Just("year"),
        Just("month"),
        Just("that"),
        Just("same"),
        Just("March"),
        Just("May"),
        Just("February"),
        Just("Tuesday"),
        Just("morning"),
        Just("night"),
        Just("in"),
        Just("early"),
        Just("since"),
        Just("will"),
        Just("was"),
        Just("said"),
        Just("postponed"),
        Just("until"),
        Just("to"),
        Just("scheduled"),
        Just("due"),
        Just("vs."),
        Just("a"),
        Just("two"),
        Just("12"),
        Just("1998"),
        Just("10:30"),
        Just("p.m."),
        Just(","),
        Just("."),
        Just("\n"),
        Just("İı"),
        Just("é"),
        Just("’s"),
    ];
    prop_oneof![
        prop::collection::vec(words, 0..60).prop_map(|w| w.join(" ")),
        "[A-Za-z .,;:'’\\-0-9\n éİı]{0,200}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn dates_are_exact_ordered_slices(text in texts(), day in 0u32..3000) {
        let published = NaiveDate::from_ymd_opt(1995, 1, 1)
            .and_then(|d| d.checked_add_signed(chrono::Duration::days(i64::from(day))));
        for p in [published, None] {
            let got = timeml_dates(&text, p);
            let mut reach = 0;
            for d in &got {
                prop_assert!(d.start < d.end && d.end <= text.len());
                prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
                prop_assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
                prop_assert!(d.start >= reach, "mentions overlap or are out of order");
                prop_assert!(!d.value.is_empty() && !d.value.starts_with('@'));
                reach = d.end;
            }
        }
    }
}
