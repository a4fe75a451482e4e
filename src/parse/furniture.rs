//! Page furniture: the lines a PDF puts on every page that are not part of the report's text.
//!
//! A line is furniture when every whitespace-separated token on it is a furniture token (the
//! document's own symbol, a page counter `3/4`, a job number `V.17-06068` with its language
//! letter `(E)`, print dates `031019`, a barcode `*1706068*`) and at least one of them could not
//! be body text on its own. Footnote rules and bare URL lines are furniture too.

/// What kind of furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// A running header or footer: symbol, page counter, job number, barcode.
    Running,
    /// A footnote rule (`______`): what follows up to the next page furniture is footnotes.
    FootnoteRule,
    /// A bare URL on its own line (the PDF's hyperlink for a reference).
    Url,
}

/// Classify a trimmed, non-empty line. `symbol` is the document's own symbol, if known.
pub fn classify(line: &str, symbol: Option<&str>) -> Option<Furniture> {
    if is_rule(line) {
        return Some(Furniture::FootnoteRule);
    }
    if is_url(line) {
        return Some(Furniture::Url);
    }
    if is_recycling_notice(line) {
        return Some(Furniture::Running);
    }
    // Every token must be furniture. A line of weak tokens alone is a footer that the
    // extraction split up (`031019`, `(E) 031019 041019`) or a page number: a paragraph
    // number always carries its full stop, so a lone number is never one.
    for token in line.split_whitespace() {
        if token_kind(token, symbol) == Token::Body {
            return None;
        }
    }
    Some(Furniture::Running)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// Only ever furniture: symbol, page counter, job number, barcode.
    Strong,
    /// Furniture next to a strong token, but also plausible in text: language letter, dates,
    /// page numbers.
    Weak,
    /// Body text.
    Body,
}

fn token_kind(token: &str, symbol: Option<&str>) -> Token {
    if symbol.is_some_and(|symbol| token.trim_end_matches('*') == symbol)
        || is_page_counter(token)
        || is_job_number(token)
        || is_barcode(token)
    {
        Token::Strong
    } else if is_language_letter(token)
        || is_print_date(token)
        || is_page_number(token)
        || is_page_word(token)
    {
        Token::Weak
    } else {
        Token::Body
    }
}

/// What a token in running text could be as page furniture, for text whose line breaks were
/// lost (`reflow`): a job number or barcode (only ever furniture), a symbol (furniture when it
/// stands between sentences), a page counter or a weak token (furniture only beside those).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    Strong,
    Symbol,
    Weak,
}

/// The furniture a token could be, if any.
pub fn inline_kind(token: &str) -> Option<Inline> {
    if is_job_number(token) || is_barcode(token) {
        Some(Inline::Strong)
    } else if is_symbol_shaped(token)
        && token.matches('/').count() >= 2
        // A symbol that ends a sentence is cited, not a running head.
        && !token.ends_with(['.', ','])
    {
        Some(Inline::Symbol)
    } else if is_page_counter(token)
        || is_url(token)
        || is_language_letter(token)
        || is_print_date(token)
        || is_page_number(token)
    {
        Some(Inline::Weak)
    } else {
        None
    }
}

/// A line of a report's cover page (the masthead), which is furniture when it stands in a
/// block with a strong one: `Distr.: General …` and `Original: English` are strong; the
/// organization's name, a language's name and a date alone on a line are weak (they could be
/// a wrapped line of text on their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Masthead {
    Strong,
    Weak,
}

/// The organization's name as the masthead prints it, in the six languages.
const ORGANIZATION: [&str; 6] = [
    "United Nations",
    "Nations Unies",
    "Naciones Unidas",
    "联合国",
    "Организация Объединенных Наций",
    "الأمم المتحدة",
];

/// The principal organs' names, as the masthead prints the organ a report is for.
const ORGANS: [&str; 12] = [
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Assemblée générale",
    "Conseil de sécurité",
    "Conseil économique et social",
    "Asamblea General",
    "Consejo de Seguridad",
    "Consejo Económico y Social",
    "大会",
    "安全理事会",
    "经济及社会理事会",
];

/// The languages' names, as the masthead gives a version's language (`Chinese`) and original.
const LANGUAGES: [&str; 30] = [
    "English",
    "French",
    "Spanish",
    "Russian",
    "Arabic",
    "Chinese",
    "Anglais",
    "Français",
    "Espagnol",
    "Russe",
    "Arabe",
    "Chinois",
    "Inglés",
    "Francés",
    "Español",
    "Ruso",
    "Árabe",
    "Chino",
    "中文",
    "英文",
    "法文",
    "西班牙文",
    "俄文",
    "阿拉伯文",
    "Английский",
    "Французский",
    "Испанский",
    "Русский",
    "Арабский",
    "Китайский",
];

/// How the masthead says the original language: `Original: English`, `Original : anglais`.
const ORIGINAL: [&str; 7] = [
    "Original:",
    "Original :",
    "原件：",
    "原文：",
    "原件:",
    "Оригинал:",
    "الأصل:",
];

/// Whether a line begins with the organization's name (`United Nations`, `联合国`, …).
pub fn starts_with_organization(line: &str) -> bool {
    ORGANIZATION.iter().any(|name| line.starts_with(name))
}

/// The masthead line a line is, if any.
pub fn masthead_line(line: &str) -> Option<Masthead> {
    let line = line.trim();
    // The longest is a distribution line with its date and languages.
    if line.len() > 200 {
        return None;
    }
    if distribution(line).is_some()
        || ORIGINAL.iter().any(|word| line.starts_with(word))
        || is_agenda_item(line)
    {
        return Some(Masthead::Strong);
    }
    // The organization's name, alone or with the symbol after it (the masthead's first line).
    let organization = ORGANIZATION.iter().any(|name| {
        line.strip_prefix(name)
            .map(str::trim)
            .is_some_and(|rest| rest.is_empty() || is_symbol_shaped(rest))
    });
    let weak = organization
        || ORGANS.contains(&line)
        || is_session(line)
        || LANGUAGES.iter().any(|name| line.eq_ignore_ascii_case(name))
        || date_length(line) == Some(line.len());
    weak.then_some(Masthead::Weak)
}

/// The length of a masthead run at the start of `text`, for text whose line breaks were lost:
/// `Distr.: General` or `Original: English`, with the dates, languages and `Original:` that
/// follow — also glued together as text copied without spaces gives them
/// (`Distr.:General6June2008ChineseOriginal:English`).
pub fn masthead_run(text: &str) -> Option<usize> {
    let mut length = distribution(text).or_else(|| original(text))?;
    loop {
        let rest = &text[length..];
        let spaces = rest.len() - rest.trim_start().len();
        let rest = &rest[spaces..];
        match date_length(rest)
            .or_else(|| original(rest))
            .or_else(|| language_at(rest))
        {
            Some(part) if part > 0 => length += spaces + part,
            _ => return Some(length),
        }
    }
}

/// `Original: English`, `Original:English`, `原件：英文`: its length.
fn original(text: &str) -> Option<usize> {
    let marker = ORIGINAL.iter().find(|word| text.starts_with(*word))?;
    let rest = &text[marker.len()..];
    let spaces = rest.len() - rest.trim_start().len();
    Some(marker.len() + spaces + language_at(&rest[spaces..])?)
}

/// A language's name at the start of `text` (not the start of a longer word): its length.
fn language_at(text: &str) -> Option<usize> {
    LANGUAGES
        .iter()
        .filter(|name| {
            text.get(..name.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(name))
                && !text[name.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
        })
        .map(|name| name.len())
        .max()
}

/// The cover page's agenda line: `Item 4 of the provisional agenda*`, `Agenda item 68 (b)`,
/// `Point 4 de l’ordre du jour provisoire`, `Tema 4 del programa provisional`, `临时议程*项目4`,
/// `Пункт 2 предварительной повестки дня`, `البند 2 من جدول الأعمال المؤقت`.
pub fn is_agenda_item(line: &str) -> bool {
    let line = line.trim_end_matches('*').trim_end();
    // The cheap tests first: this is asked of every line. The whole line is the agenda line
    // (it ends with its last word), so a wrapped line of text that mentions an item is not.
    let latin = ((line.starts_with("Item ")
        && (line.ends_with(" agenda") || line.ends_with("preliminary list")))
        || (line.starts_with("Agenda item ") && line.split_whitespace().count() <= 4)
        || (line.starts_with("Point ")
            && (line.ends_with("ordre du jour provisoire") || line.ends_with("ordre du jour")))
        || (line.starts_with("Tema ")
            && (line.ends_with("programa provisional") || line.ends_with("del programa"))))
        && !line.contains([',', ';'])
        && line.split_whitespace().count() <= 10;
    let chinese =
        line.starts_with("临时议程") && line.contains("项目") && line.chars().count() <= 20;
    let russian_or_arabic = ((line.starts_with("Пункт ") && line.ends_with("повестки дня"))
        || (line.starts_with("البند ") && line.contains("جدول الأعمال")))
        && line.split_whitespace().count() <= 10;
    latin || chinese || russian_or_arabic
}

/// The cover page's session line: `Fourteenth session`, `Seventy-eighth session`,
/// `Quatorzième session`, `78º período de sesiones`, `第十四届会议`, `第七十八届会议`.
pub fn is_session(line: &str) -> bool {
    ((line.ends_with(" session") || line.ends_with("período de sesiones"))
        && line.split_whitespace().count() <= 4)
        || (line.starts_with('第') && line.ends_with("届会议") && line.chars().count() <= 10)
}

/// `Distr.: General`, `Distr. générale`, `Distr.: Limited`, `Distr.:General`: the length of
/// the marker and its one word, when `text` starts with them.
pub fn distribution(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("Distr.")?;
    let spaced = rest.trim_start_matches([':', ' ', '：']);
    let word = spaced
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(spaced.len());
    (word > 0).then(|| text.len() - spaced.len() + word)
}

/// The months' names in the dates of English, French, Spanish and Russian reports, twelve of
/// each in that order, in lower case (Russian in the genitive, as dates write them). The
/// briefing note's French and Spanish dates are written with them too.
pub const MONTHS: [&str; 48] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The length of a date at the start of `text`: `2 October 2019`, `2 octobre 2019`,
/// `2 de octubre de 2019`, `2 октября 2019 года`, `2019年10月2日`, or glued (`6June2008`).
pub fn date_length(text: &str) -> Option<usize> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let skip_spaces = |s: &str| s.len() - s.trim_start_matches(' ').len();
    // 2019年10月2日
    let year = digits(text);
    if year == 4 && text[year..].starts_with('年') {
        let rest = &text[year + '年'.len_utf8()..];
        let month = digits(rest);
        if (1..=2).contains(&month) && rest[month..].starts_with('月') {
            let rest = &rest[month + '月'.len_utf8()..];
            let day = digits(rest);
            if (1..=2).contains(&day) && rest[day..].starts_with('日') {
                return Some(text.len() - rest.len() + day + '日'.len_utf8());
            }
        }
        return None;
    }
    let day = digits(text);
    if !(1..=2).contains(&day) {
        return None;
    }
    let mut at = day;
    at += skip_spaces(&text[at..]);
    if text[at..].starts_with("de ") {
        at += 3;
    }
    let month = text[at..]
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len() - at);
    if !MONTHS.contains(&text[at..at + month].to_lowercase().as_str()) {
        return None;
    }
    at += month;
    at += skip_spaces(&text[at..]);
    if text[at..].starts_with("de ") {
        at += 3;
    }
    if digits(&text[at..]) != 4 {
        return None;
    }
    at += 4;
    if text[at..].starts_with(" года") {
        at += " года".len();
    }
    Some(at)
}

/// `3/4`: page 3 of 4. The page never exceeds the count, which keeps resolution numbers such
/// as `6/3` out.
fn is_page_counter(token: &str) -> bool {
    let Some((page, count)) = token.split_once('/') else {
        return false;
    };
    match (small_number(page), small_number(count)) {
        (Some(page), Some(count)) => page >= 1 && page <= count,
        _ => false,
    }
}

/// The word older reports print before the page number in the running head (`A/AC.261/3`
/// over `Page 2`), in the six languages, or the Chinese `第2页`: furniture beside a page number
/// or a symbol, never alone.
fn is_page_word(token: &str) -> bool {
    const WORDS: [&str; 8] = [
        "Page",
        "page",
        "PAGE",
        "Página",
        "Pág.",
        "Стр.",
        "стр.",
        "الصفحة",
    ];
    WORDS.contains(&token)
        || token
            .strip_prefix('第')
            .and_then(|rest| rest.strip_suffix('页'))
            .is_some_and(|number| small_number(number).is_some())
}

fn is_page_number(token: &str) -> bool {
    small_number(token).is_some_and(|n| n >= 1)
}

fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A UN job number: `V.17-06068`, `GE.12-62606`, `25-16680`, optionally with the language
/// letter glued on (`V.17-06068(C)`). The prefix names the duty station.
pub fn is_job_number(token: &str) -> bool {
    let token = strip_language_letter(token);
    let rest = match token.split_once('.') {
        Some((station, rest)) => {
            if station.is_empty()
                || station.len() > 3
                || !station.bytes().all(|b| b.is_ascii_uppercase())
            {
                return false;
            }
            rest
        }
        None => token,
    };
    let Some((year, serial)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
        && (4..=6).contains(&serial.len())
        && serial.bytes().all(|b| b.is_ascii_digit())
}

fn strip_language_letter(token: &str) -> &str {
    match token.len().checked_sub(3) {
        Some(cut) if token.is_char_boundary(cut) && is_language_letter(&token[cut..]) => {
            &token[..cut]
        }
        _ => token,
    }
}

/// `(E)`, `(C)`, `(F)`, `(S)`, `(R)`, `(A)`: the language of this version of the document.
fn is_language_letter(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() == 3 && bytes[0] == b'(' && bytes[1].is_ascii_uppercase() && bytes[2] == b')'
}

/// Print dates in the footer, `031019` (ddmmyy).
fn is_print_date(token: &str) -> bool {
    token.len() == 6 && token.bytes().all(|b| b.is_ascii_digit())
}

/// `*1706068*`: the job number as a barcode's human-readable line.
fn is_barcode(token: &str) -> bool {
    let Some(inner) = token.strip_prefix('*').and_then(|t| t.strip_suffix('*')) else {
        return false;
    };
    (6..=10).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit())
}

fn is_rule(line: &str) -> bool {
    line.chars().count() >= 5 && line.chars().all(|c| matches!(c, '_' | '＿'))
}

pub fn is_url(line: &str) -> bool {
    ["http://", "https://", "www.", "undocs.org/"]
        .iter()
        .any(|prefix| {
            line.get(..prefix.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
        })
        && !line.contains(char::is_whitespace)
}

fn is_recycling_notice(line: &str) -> bool {
    matches!(line, "Please recycle" | "Please recycle ♲" | "♲" | "请回收")
}

/// Whether a token has the shape of a UN document symbol: `A/74/18`, `E/CN.4/2005/L.10/Add.17`,
/// `CAC/COSP/WG.2/2017/L.1/Add.1`. A trailing `*` (reissued for technical reasons) is allowed.
pub fn is_symbol_shaped(token: &str) -> bool {
    let token = token.trim_end_matches('*');
    if token.len() > 80 || token.contains("://") {
        return false;
    }
    let mut segments = token.split('/');
    let Some(organ) = segments.next() else {
        return false;
    };
    let organ_ok = organ.len() <= 10
        && organ.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && organ
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.');
    let mut count = 1;
    for segment in segments {
        count += 1;
        let segment_ok = !segment.is_empty()
            && segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'(' | b')'));
        if !segment_ok {
            return false;
        }
    }
    organ_ok && count >= 2
}

/// If the line is a candidate line for the document's own symbol (the symbol alone, or with
/// other running furniture such as a page counter), the symbol on it.
pub fn symbol_on_running_line(line: &str) -> Option<&str> {
    // The masthead's first line: the organization's name, then the symbol.
    let line = ORGANIZATION
        .iter()
        .find_map(|name| line.strip_prefix(name))
        .unwrap_or(line);
    let mut found = None;
    for token in line.split_whitespace() {
        if is_symbol_shaped(token) {
            if found.is_some() {
                return None;
            }
            found = Some(token.trim_end_matches('*'));
        } else if token_kind(token, None) == Token::Body {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const SYMBOL: Option<&str> = Some("CAC/COSP/WG.2/2017/L.1/Add.1");

    fn running(line: &str) -> bool {
        classify(line, SYMBOL) == Some(Furniture::Running)
    }

    #[test]
    fn running_headers_and_footers() {
        assert!(running("CAC/COSP/WG.2/2017/L.1/Add.1"));
        assert!(running("3/4 V.17-06068"));
        assert!(running("V.17-06068 3/4"));
        assert!(running("V.19-09617 (E) 031019 041019 *1909617*"));
        assert!(running("V.21-07424 (S) 150621 160621"));
        assert!(running("GE.12-62606"));
        assert!(running("25-16680 (E)"));
        assert!(running("*1706068*"));
        assert!(running("CAC/COSP/WG.2/2017/L.1/Add.1 3/4"));
        assert!(running("12"), "a lone page number");
        assert!(running("031019"), "a print date split from its footer");
        assert!(running("(E) 031019 041019"));
        assert!(running("Please recycle"));
        // Older reports' running heads: the symbol over `Page 2`, or beside it.
        assert!(running("Page 2"));
        assert!(running("CAC/COSP/WG.2/2017/L.1/Add.1 Page 2"));
        assert!(running("Página 12"));
        assert!(running("第2页"));
    }

    #[test]
    fn body_text_is_not_furniture() {
        for line in [
            "第 6/3 号决议所载任务授权",
            "6/4",
            "14. 一些代表团对这项提议表示欢迎",
            "14.",
            "2017 年 2 月",
            "A/74/18",
            "Distr.: Limited",
            "in 2017 the Conference",
            "Page 2 of the report",
            "see page 2",
        ] {
            assert_eq!(classify(line, SYMBOL), None, "{line}");
        }
    }

    #[test]
    fn another_documents_symbol_alone_is_not_our_furniture() {
        assert_eq!(classify("CAC/COSP/WG.2/2017/CRP.1", SYMBOL), None);
    }

    #[test]
    fn rules_and_urls() {
        assert_eq!(
            classify("__________________", SYMBOL),
            Some(Furniture::FootnoteRule)
        );
        assert_eq!(
            classify("＿＿＿＿＿＿", SYMBOL),
            Some(Furniture::FootnoteRule)
        );
        assert_eq!(classify("____", SYMBOL), None, "too short to be a rule");
        assert_eq!(
            classify("http://undocs.org/ch/CAC/COSP/WG.2/2017/CRP.1", SYMBOL),
            Some(Furniture::Url)
        );
        assert_eq!(
            classify("https://undocs.org/A/74/18", SYMBOL),
            Some(Furniture::Url)
        );
        assert_eq!(classify("see http://undocs.org/A/74/18", SYMBOL), None);
    }

    #[test]
    fn symbol_shapes() {
        for symbol in [
            "A/74/18",
            "E/CN.4/2005/L.10/Add.17",
            "CAC/COSP/WG.2/2017/L.1/Add.1",
            "A/HRC/40/3*",
            "ICCD/COP(14)/4",
            "S/2019/123/Rev.1",
        ] {
            assert!(is_symbol_shaped(symbol), "{symbol}");
        }
        for not_symbol in ["6/3", "3/4", "and/or", "http://undocs.org/A/1", "A", "A//1"] {
            assert!(!is_symbol_shaped(not_symbol), "{not_symbol}");
        }
    }

    #[test]
    fn symbol_lines() {
        assert_eq!(
            symbol_on_running_line("CAC/COSP/WG.2/2017/L.1/Add.1"),
            Some("CAC/COSP/WG.2/2017/L.1/Add.1")
        );
        assert_eq!(symbol_on_running_line("A/74/18 3/12"), Some("A/74/18"));
        assert_eq!(symbol_on_running_line("A/74/18*"), Some("A/74/18"));
        assert_eq!(
            symbol_on_running_line("（CAC/COSP/WG.2/2017/CRP.1）所载"),
            None
        );
        assert_eq!(symbol_on_running_line("see A/74/18"), None);
    }
}
