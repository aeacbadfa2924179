//! Clock times (`22:00 GMT`, `6 p.m.`, `noon`, `midnight`) and parts of a day named
//! without one (`in the morning`); their day is filled in by [`super::resolve`].
use super::Cand;
use super::rules::{m, small_number, whole};
use chrono::NaiveDate;

/// `4 in the morning`, `six o'clock in the evening`.
pub(super) fn build_hour_of_day(
    _t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let mut h = u32::try_from(small_number(&m(caps, "h")?.2)?).ok()?;
    if !(1..=12).contains(&h) {
        return None;
    }
    let part = m(caps, "part")?.2.to_lowercase();
    if part != "morning" && h < 12 {
        h += 12;
    } else if part == "morning" && h == 12 {
        h = 0;
    }
    Some(Cand {
        s,
        e,
        value: format!("{h:02}:00:00"),
        time: true,
    })
}

fn zone_suffix(z: &str) -> &'static str {
    match z.to_uppercase().as_str() {
        "GMT" | "UTC" => "Z",
        "BST" | "CET" => "+01:00",
        "CEST" | "EET" => "+02:00",
        "EEST" | "MSK" => "+03:00",
        "EDT" => "-04:00",
        "EST" | "CDT" => "-05:00",
        "CST" | "MDT" => "-06:00",
        "MST" => "-07:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        _ => "",
    }
}

pub(super) fn build_time(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, mut e) = whole(caps);
    let mut h: u32 = m(caps, "h")?.2.parse().ok()?;
    let mi: u32 = m(caps, "mi").map_or(Some(0), |x| x.2.parse().ok())?;
    let ampm = m(caps, "ampm").map(|x| x.2.to_lowercase());
    let zone = m(caps, "zone").map(|x| x.2);
    let sep = m(caps, "sep").map(|x| x.2);
    // a clock time needs a colon, or a.m./p.m., or a zone after a dotted time
    let ok = matches!(
        (sep.as_deref(), &ampm, &zone),
        (Some(":"), _, _) | (_, Some(_), _) | (Some("."), None, Some(_))
    );
    if !ok {
        return None;
    }
    // not a ratio, score or part of a longer number
    let prev = t.get(..s).and_then(|x| x.chars().next_back());
    if prev.is_some_and(|c| c.is_ascii_digit() || c == ':' || c == '.' || c == '$') {
        return None;
    }
    let next = t.get(e..).and_then(|x| x.chars().next());
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    match ampm.as_deref() {
        Some(a) if a.starts_with('p') && h < 12 => h += 12,
        Some(a) if a.starts_with('a') && h == 12 => h = 0,
        Some(_) if h > 12 => return None,
        _ => {}
    }
    // trim trailing whitespace the optional groups let in
    let text = t.get(s..e)?;
    e = s + text.trim_end().len();
    let suffix = zone.as_deref().map_or("", zone_suffix);
    Some(Cand {
        s,
        e,
        value: format!("{h:02}:{mi:02}:00{suffix}"),
        time: true,
    })
}

/// `noon`, `midday`: `12:00`; `midnight`: the end of its day, TimeML's `T24:00`
/// (`midnight Friday` is the night from Friday to Saturday).
pub(super) fn build_noon_or_midnight(
    _t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (s, e) = whole(caps);
    let midnight = m(caps, "w")?.2.eq_ignore_ascii_case("midnight");
    Some(Cand {
        s,
        e,
        value: if midnight { "24:00:00" } else { "12:00:00" }.to_string(),
        time: true,
    })
}

/// `in the morning`, `during the night`, `late in the afternoon`: the part of the day
/// its sentence names (`2020-03-05TMO`), else of the publication day. The preposition
/// is not part of the mention.
pub(super) fn build_part_of_day(
    t: &str,
    caps: &regex::Captures<'_>,
    _p: Option<NaiveDate>,
) -> Option<Cand> {
    let (_, e) = whole(caps);
    let (s, _, _) = m(caps, "the")?;
    let part = m(caps, "part")?.2;
    // `the morning after pill`, `the night shift`: a noun, no time
    let after = super::tense::word_after(t, e);
    if matches!(
        after.as_str(),
        "after" | "shift" | "shifts" | "sky" | "club" | "clubs" | "session" | "sessions" | "show"
    ) {
        return None;
    }
    let code = super::timex::part_of_day(&part);
    Some(Cand {
        s,
        e,
        // the day and `T` are put before it by `resolve`
        value: code.trim_start_matches('T').to_string(),
        time: true,
    })
}
