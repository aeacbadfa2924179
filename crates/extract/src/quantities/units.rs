//! Units and currencies: SI symbols and factors, currency words and codes, rounding after conversion.

/// A unit: SI symbol and factor to it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    pub(super) symbol: &'static str,
    pub(super) factor: f64,
}

pub(super) const fn u(symbol: &'static str, factor: f64) -> Unit {
    Unit { symbol, factor }
}

pub(super) const YEAR_S: f64 = 31_557_600.0;

/// The unit word of an age (`17-year-old`, `18-month old`), lowercase.
pub(super) fn is_age_unit(word: &str) -> bool {
    matches!(word, "year" | "month" | "week" | "day")
}

pub(super) fn unit_of(word: &str) -> Option<Unit> {
    let w = word.to_lowercase();
    let unit = match w.as_str() {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => u("m", 1000.0),
        "m" | "metre" | "metres" | "meter" | "meters" => u("m", 1.0),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => u("m", 0.01),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => u("m", 0.001),
        "mile" | "miles" => u("m", 1609.344),
        "ft" | "foot" | "feet" => u("m", 0.3048),
        "yard" | "yards" | "yd" => u("m", 0.9144),
        "inch" | "inches" | "in." => u("m", 0.0254),
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo"
        | "kilos" => u("kg", 1.0),
        "g" | "gram" | "grams" | "gramme" | "grammes" => u("kg", 0.001),
        "mg" | "milligram" | "milligrams" => u("kg", 0.000_001),
        "tonne" | "tonnes" | "ton" | "tons" | "t" => u("kg", 1000.0),
        "lb" | "lbs" => u("kg", 0.453_592_37),
        "ounce" | "ounces" | "oz" => u("kg", 0.028_349_523_125),
        "second" | "seconds" | "sec" | "secs" => u("s", 1.0),
        "minute" | "minutes" | "min" | "mins" => u("s", 60.0),
        "hour" | "hours" | "hr" | "hrs" => u("s", 3600.0),
        "day" | "days" => u("s", 86_400.0),
        "week" | "weeks" => u("s", 604_800.0),
        "fortnight" | "fortnights" => u("s", 1_209_600.0),
        "month" | "months" => u("s", YEAR_S / 12.0),
        "year" | "years" | "yr" | "yrs" => u("s", YEAR_S),
        "decade" | "decades" => u("s", YEAR_S * 10.0),
        "century" | "centuries" => u("s", YEAR_S * 100.0),
        "hectare" | "hectares" | "ha" => u("m2", 10_000.0),
        "acre" | "acres" => u("m2", 4_046.856_422_4),
        "litre" | "litres" | "liter" | "liters" => u("m3", 0.001),
        "barrel" | "barrels" | "bbl" => u("m3", 0.158_987_294_928),
        "gallon" | "gallons" => u("m3", 0.003_785_411_784),
        "%" | "percent" | "pct" => u("%", 1.0),
        _ => return None,
    };
    Some(unit)
}

pub(super) fn currency_word(word: &str) -> Option<(&'static str, f64)> {
    let w = word.to_lowercase();
    let c = match w.as_str() {
        "dollar" | "dollars" | "dlr" | "dlrs" => ("USD", 1.0),
        "cent" | "cents" | "cts" | "ct" => ("USD", 0.01),
        "euro" | "euros" => ("EUR", 1.0),
        "stg" | "sterling" => ("GBP", 1.0),
        "pence" | "penny" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "lira" | "liras" => ("TRY", 1.0),
        "lire" => ("ITL", 1.0),
        "francs" | "franc" => ("FRF", 1.0),
        "marks" | "mark" => ("DEM", 1.0),
        "guilders" | "guilder" => ("NLG", 1.0),
        "pesetas" | "peseta" => ("ESP", 1.0),
        "riyals" | "riyal" => ("SAR", 1.0),
        "pesos" | "peso" => ("MXN", 1.0),
        "rand" => ("ZAR", 1.0),
        "won" => ("KRW", 1.0),
        _ => return None,
    };
    Some(c)
}

/// An adjective before a currency word that changes it (`Canadian dlrs`).
pub(super) fn currency_with(adj: &str, code: &str) -> Option<&'static str> {
    let a = adj.to_lowercase();
    let c = match (a.as_str(), code) {
        ("u.s" | "us" | "american", "USD") => "USD",
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("taiwan", "USD") => "TWD",
        ("zealand", "USD") => "NZD",
        ("kong", "USD") => "HKD",
        ("swiss", "FRF") => "CHF",
        ("belgian", "FRF") => "BEF",
        ("french", "FRF") => "FRF",
        _ => return None,
    };
    Some(c)
}

/// Rounds away float noise from unit conversion (`3.7 * 1609.344`).
pub(super) fn round(v: f64) -> f64 {
    if v.abs() >= 1e-3 && v.is_finite() {
        let scale = 10f64.powi(9 - v.abs().log10().floor() as i32);
        if scale.is_finite() && scale > 0.0 {
            return (v * scale).round() / scale;
        }
    }
    v
}
