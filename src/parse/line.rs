//! What a single body line can start or end: a paragraph number, a heading, a sub-paragraph,
//! the end of a sentence. Pure functions on one trimmed line; the builder decides in context.

/// If the line starts with a printed paragraph number (`14.`, `14．`, or glued `1.2016年11月`),
/// the number and the text after it. Whether it really starts a paragraph depends on the
/// numbering so far (see the builder): this only reads the form.
pub fn paragraph_number(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    // No leading zero, at most five digits (a compilation of 10,000 paragraphs): `007.` and
    // `201710.` are not paragraph numbers.
    if digits == 0 || digits > 5 || line.starts_with('0') {
        return None;
    }
    let number: u32 = line[..digits].parse().ok()?;
    let after = &line[digits..];
    if let Some(rest) = arabic_stop(after) {
        return Some((number, rest));
    }
    let rest = after
        .strip_prefix('.')
        .or_else(|| after.strip_prefix('．'))?;
    let Some(first) = rest.chars().next() else {
        // The number alone on its line; the text follows on the next one.
        return Some((number, ""));
    };
    if first.is_whitespace() {
        return Some((number, rest.trim_start()));
    }
    if first.is_ascii_digit() {
        // Glued to a number: `1.2016年11月` is paragraph 1, but `3.5 million` and `1.1 Scope`
        // are a decimal and a section number. A year (four digits) or a number glued to a
        // Chinese character reads as the start of the text.
        let run = rest.bytes().take_while(u8::is_ascii_digit).count();
        let next = rest[run..].chars().next();
        let glued = run == 4 || next.is_some_and(is_cjk);
        return glued.then_some((number, rest));
    }
    (first.is_alphabetic() || is_cjk(first) || is_opening_quote(first)).then_some((number, rest))
}

/// The mark after the paragraph number that starts `line` (see `paragraph_number`).
pub fn paragraph_stop(line: &str) -> char {
    line.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(' ')
        .chars()
        .next()
        .unwrap_or('.')
}

/// Arabic reports set a dash after the paragraph number (`1- قرر المؤتمر`, `12 - وأوصي`): the
/// text after it, when it is Arabic (so a range such as `1-3` or `5 - Scope` never counts).
pub(super) fn arabic_stop(after: &str) -> Option<&str> {
    let dash = after.strip_prefix(' ').unwrap_or(after);
    let rest = dash.strip_prefix(['-', '–'])?.trim_start();
    rest.chars()
        .next()
        .is_some_and(|c| is_arabic_letter(c) || matches!(c, '«' | '"' | '“'))
        .then_some(rest)
}

/// The letters of the Arabic script (not its digits, punctuation or diacritics).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{620}'..='\u{64A}' | '\u{66E}'..='\u{6D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// What an Arabic heading's numeral counts: Arabic reports write numerals as words before a
/// dash, ordinals for chapters (`أولاً- مقدمة`, I.) and letter names for sections
/// (`ألف- التعاون`, A.).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArabicNumeral {
    Ordinal,
    Letter,
}

/// The ordinals, written without hamza on the alif and without the final tanwin, as
/// `arabic_key` normalizes them.
const ARABIC_ORDINALS: [&str; 20] = [
    "اولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
];

/// The letters' names in the order the United Nations uses for A, B, C …
const ARABIC_LETTERS: [&str; 20] = [
    "الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء",
];

/// An Arabic heading numeral at the start of `line`: its kind, its value and the title after
/// the dash.
pub fn arabic_heading(line: &str) -> Option<(ArabicNumeral, u32, &str)> {
    if !line.chars().next().is_some_and(is_arabic_letter) {
        return None;
    }
    // The longest numeral is two short words.
    let (dash, width) = line
        .char_indices()
        .take(14)
        .find(|(_, c)| matches!(c, '-' | '–'))
        .map(|(at, c)| (at, c.len_utf8()))?;
    let title = line[dash + width..].trim_start();
    if !title
        .chars()
        .next()
        .is_some_and(|c| is_arabic_letter(c) || matches!(c, '«' | '"' | '“'))
    {
        return None;
    }
    let key = arabic_key(line[..dash].trim_end());
    let position = |words: &[&str]| {
        words
            .iter()
            .position(|word| *word == key)
            .and_then(|at| u32::try_from(at + 1).ok())
    };
    if let Some(value) = position(&ARABIC_ORDINALS) {
        return Some((ArabicNumeral::Ordinal, value, title));
    }
    position(&ARABIC_LETTERS).map(|value| (ArabicNumeral::Letter, value, title))
}

/// A numeral word as the tables write it: hamza forms of alif as bare alif, no tanwin or
/// tatweel, one space between words.
fn arabic_key(numeral: &str) -> String {
    let mut key = String::with_capacity(numeral.len());
    for word in numeral.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().filter_map(|c| match c {
            'أ' | 'إ' | 'آ' => Some('ا'),
            '\u{64B}' | '\u{640}' => None,
            c => Some(c),
        }));
    }
    key
}

/// The kinds of numbered heading UN reports use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadingForm {
    /// `II. Overview of …`
    Roman,
    /// `三. 追回资产…`, `四、…`, `（一）…`
    ChineseNumeral,
    /// `A. 导言`, `B. Proposals`
    Letter,
    /// `Annex`, `Annex I`, `附件一`: the paragraph numbering may restart after it.
    Annex,
    /// `. 导言`: a numbered heading whose numeral the extraction lost, its full stop left.
    LostNumeral,
}

/// The numbered heading form the line has, if any. Headings never end a sentence.
pub fn heading_form(line: &str) -> Option<HeadingForm> {
    if line.chars().count() > 200 || ends_sentence(line) {
        return None;
    }
    if is_annex_heading(line) {
        return Some(HeadingForm::Annex);
    }
    if let Some(rest) = numeral_then_stop(line, |c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        && starts_title(rest)
    {
        return Some(HeadingForm::Roman);
    }
    if let Some(rest) = chinese_numeral_heading(line)
        && starts_title(rest)
    {
        return Some(HeadingForm::ChineseNumeral);
    }
    let mut chars = line.chars();
    if chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && matches!(chars.next(), Some('.' | '．'))
    {
        // `A. Background`; in Chinese the title may be glued on: `A.导言`.
        let rest = chars.as_str();
        let spaced = rest.starts_with(char::is_whitespace) && starts_title(rest.trim_start());
        let glued = rest.chars().next().is_some_and(is_cjk);
        if spaced || glued {
            return Some(HeadingForm::Letter);
        }
    }
    if let Some((numeral, _, _)) = arabic_heading(line) {
        return Some(match numeral {
            ArabicNumeral::Ordinal => HeadingForm::Roman,
            ArabicNumeral::Letter => HeadingForm::Letter,
        });
    }
    // The numeral lost in extraction, its full stop left: `. 导言`, `．背景`, `. Introduction`.
    if let Some(rest) = line
        .strip_prefix('.')
        .or_else(|| line.strip_prefix('．'))
        .or_else(|| line.strip_prefix('、'))
        && rest.chars().count() <= 80
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) || c.is_uppercase())
    {
        return Some(HeadingForm::LostNumeral);
    }
    None
}

/// A heading numeral with nothing after it (`II.`, `A.`, `三.`): `pdftotext` puts the numeral
/// and the heading's words on separate lines.
pub fn is_bare_heading_numeral(line: &str) -> bool {
    let Some(numeral) = line
        .strip_suffix('.')
        .or_else(|| line.strip_suffix('．'))
        .or_else(|| line.strip_suffix('、'))
    else {
        return false;
    };
    let roman = !numeral.is_empty()
        && numeral.len() <= 8
        && numeral
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    let letter = numeral.len() == 1 && numeral.bytes().all(|b| b.is_ascii_uppercase());
    let chinese = !numeral.is_empty() && numeral.chars().all(is_chinese_numeral);
    roman || letter || chinese
}

/// `XIV.` + text: the numeral, a full stop and the rest.
fn numeral_then_stop(line: &str, is_digit: impl Fn(char) -> bool) -> Option<&str> {
    let end = line.find(|c: char| !is_digit(c))?;
    if end == 0 || end > 8 {
        return None;
    }
    let rest = &line[end..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix('．'))?;
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    )
}

/// `三. …`, `四、…`, `（一）…`.
fn chinese_numeral_heading(line: &str) -> Option<&str> {
    if let Some(inner) = line.strip_prefix('（').or_else(|| line.strip_prefix('(')) {
        let end = inner.find(|c: char| !is_chinese_numeral(c))?;
        let rest = &inner[end..];
        let rest = rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))?;
        return (end > 0).then(|| rest.trim_start());
    }
    let end = line.find(|c: char| !is_chinese_numeral(c))?;
    if end == 0 {
        return None;
    }
    let rest = &line[end..];
    let rest = ['.', '．', '、']
        .iter()
        .find_map(|stop| rest.strip_prefix(*stop))?;
    Some(rest.trim_start())
}

fn is_annex_heading(line: &str) -> bool {
    const WORDS: [&str; 6] = ["Annex", "Annexe", "Anexo", "Приложение", "附件", "المرفق"];
    WORDS.iter().any(|word| {
        line.strip_prefix(word).is_some_and(|rest| {
            // `Annex`, `Annex I`, `Annex II*`, `附件一`; not `Annexed to …` nor a sentence.
            rest.is_empty()
                || (rest.chars().count() <= 12
                    && rest
                        .trim_start()
                        .chars()
                        .all(|c| c.is_uppercase() || is_chinese_numeral(c) || c == '*')
                    && (rest.starts_with(' ') || word.chars().next().is_some_and(is_cjk)))
        })
    })
}

/// A heading's text starts with a capital, a CJK character, a digit or a quote.
fn starts_title(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || is_cjk(c) || c.is_ascii_digit() || is_opening_quote(c))
}

/// A sub-paragraph marker at the start of the line: `(a)`, `(ii)`, `(3)`, `a)`, `（a）`.
pub fn starts_subparagraph(line: &str) -> bool {
    subparagraph_label(line).is_some()
}

/// The label of the sub-paragraph marker the line starts with: `b` for `(b)`, `b)` or `（b）`.
pub fn subparagraph_label(line: &str) -> Option<&str> {
    let (inner, close) = if let Some(inner) = line.strip_prefix('(') {
        (inner, ')')
    } else if let Some(inner) = line.strip_prefix('（') {
        (inner, '）')
    } else {
        // French, Spanish and Russian `a)`, `а)`.
        let mut chars = line.chars();
        let letter = chars.next().filter(|c| c.is_lowercase())?;
        return (chars.next() == Some(')') && chars.next().is_some_and(char::is_whitespace))
            .then(|| &line[..letter.len_utf8()]);
    };
    let end = inner.find(close)?;
    let label = &inner[..end];
    let mut label_chars = label.chars();
    // `(a)`, `(aa)`; one letter of a script without capitals or a small one: `(أ)`, `(б)`.
    let letters =
        (!label.is_empty() && label.len() <= 2 && label.bytes().all(|b| b.is_ascii_lowercase()))
            || (label_chars.next().is_some_and(|c| {
                !c.is_ascii() && c.is_alphabetic() && !c.is_uppercase() && !is_cjk(c)
            }) && label_chars.next().is_none());
    let roman = !label.is_empty()
        && label.len() <= 6
        && label
            .bytes()
            .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c'));
    let digits = !label.is_empty() && label.len() <= 2 && label.bytes().all(|b| b.is_ascii_digit());
    (letters || roman || digits).then_some(label)
}

/// Whether the line ends in a way that lets a sub-paragraph follow (a colon, a semicolon, a
/// full stop, or a list conjunction such as `; and`, `；以及`).
pub fn leads_into_list(line: &str) -> bool {
    const CONJUNCTIONS: [&str; 9] = [" and", " or", " et", " ou", " y", " o", "以及", "和", "及"];
    let trimmed = strip_closers(line);
    trimmed.ends_with([':', ';', '：', '；', '.', '。', '؛'])
        || CONJUNCTIONS.iter().any(|word| trimmed.ends_with(word))
}

/// Whether the line ends a sentence (after any closing quote, bracket or footnote marker).
pub fn ends_sentence(line: &str) -> bool {
    strip_closers(line).ends_with(['.', '。', '!', '?', '！', '？', '．', '…', '؟'])
}

/// Whether the line ends with punctuation that announces more (`,`, `:`, `;`, `、`, Arabic
/// `،` and `؛`).
pub fn ends_mid_sentence(line: &str) -> bool {
    line.ends_with([',', ':', ';', '，', '：', '；', '、', '-', '،', '؛'])
}

/// The line without trailing closing quotes and brackets, and without a footnote marker glued
/// to the last word (`session.*`, `rules.1`).
fn strip_closers(line: &str) -> &str {
    let line = line.trim_end_matches(['”', '’', '"', '\'', '」', '』', '）', ')', ']', '》']);
    let without_stars = line.trim_end_matches('*');
    let digits = without_stars.len()
        - without_stars
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
    if (1..=2).contains(&digits) {
        let before = &without_stars[..without_stars.len() - digits];
        if before.ends_with(['.', '。']) {
            return before;
        }
    }
    without_stars
}

/// Whether the line ends with a word after which a number continues the sentence
/// (`paragraph 14.`, `第`, `and 15.`), so a number on the next line is not a new paragraph.
pub fn ends_with_reference_word(line: &str) -> bool {
    const WORDS: [&str; 24] = [
        "paragraph",
        "paragraphs",
        "para.",
        "paras.",
        "article",
        "articles",
        "rule",
        "rules",
        "resolution",
        "resolutions",
        "decision",
        "section",
        "chapter",
        "annex",
        "no.",
        "and",
        "or",
        "to",
        "of",
        "in",
        "par.",
        "párr.",
        "第",
        "至",
    ];
    // The words are written in small letters. The longest and the space before it fit in the
    // last 16 characters; only they are lowercased (a reflowed line may be a whole paragraph).
    let tail = line.char_indices().rev().nth(15).map_or(0, |(at, _)| at);
    let lower = line[tail..].to_lowercase();
    let whole = tail == 0;
    WORDS.iter().any(|word| {
        lower.ends_with(word) && {
            let before = &lower[..lower.len() - word.len()];
            (before.is_empty() && whole)
                || before.ends_with(char::is_whitespace)
                || word.chars().next().is_some_and(is_cjk)
        }
    })
}

/// Whether a line opens a resolution's preambular paragraph: a capitalized participle or
/// adjective (`Recalling`, `Deeply concerned`, `Rappelant`, `Prenant note`, `Recordando`,
/// `Convencida`) or, in Chinese, one of the verbs that open them (`回顾`, `注意到`, `铭记`).
pub fn starts_preambular(line: &str) -> bool {
    const CHINESE: [&str; 16] = [
        "回顾",
        "忆及",
        "重申",
        "注意到",
        "欣见",
        "欢迎",
        "确认",
        "认识到",
        "铭记",
        "强调",
        "表示",
        "深信",
        "考虑到",
        "关切",
        "意识到",
        "深为",
    ];
    const WORDS: [&str; 14] = [
        "Mindful",
        "Aware",
        "Conscious",
        "Deeply",
        "Gravely",
        "Having",
        "Taking",
        "Bearing",
        "Consciente",
        "Profondément",
        "Profundamente",
        "Ayant",
        "Habiendo",
        "Teniendo",
    ];
    const ENDINGS: [&str; 12] = [
        "ing", "ed", "ant", "ante", "ée", "ue", "ando", "iendo", "ada", "ado", "ida", "ido",
    ];
    if CHINESE.iter().any(|word| line.starts_with(word)) {
        return true;
    }
    let word = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 5
        && (WORDS.contains(&word) || ENDINGS.iter().any(|ending| word.ends_with(ending)))
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '"' | '「' | '『' | '《' | '（' | '(')
}

/// CJK ideographs, kana, CJK and full-width punctuation: characters that are joined across a
/// line break with no space.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals (incl. Kangxi radicals left by PDF extraction)
        | '\u{3000}'..='\u{303F}'   // CJK punctuation
        | '\u{3040}'..='\u{30FF}'   // kana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF00}'..='\u{FF60}'   // full-width forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Whether a line is at least `columns` wide, counted only as far as needed.
pub fn width_at_least(line: &str, columns: usize) -> bool {
    if line.len() < columns / 2 {
        // Even all CJK (two columns for three bytes) it is narrower.
        return false;
    }
    let mut width = 0;
    columns == 0
        || line.chars().any(|c| {
            width += if is_cjk(c) { 2 } else { 1 };
            width >= columns
        })
}

/// Width of a line in columns: CJK characters take two, as they do on the printed page.
pub fn display_width(line: &str) -> usize {
    line.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_numbers() {
        assert_eq!(paragraph_number("14. 一些代表团"), Some((14, "一些代表团")));
        assert_eq!(paragraph_number("14.一些代表团"), Some((14, "一些代表团")));
        assert_eq!(paragraph_number("1.2016年11月"), Some((1, "2016年11月")));
        assert_eq!(
            paragraph_number("3. The Working Group"),
            Some((3, "The Working Group"))
        );
        assert_eq!(
            paragraph_number("3.\tThe Working Group"),
            Some((3, "The Working Group"))
        );
        assert_eq!(paragraph_number("12．发言者"), Some((12, "发言者")));
        assert_eq!(paragraph_number("14."), Some((14, "")));
        assert_eq!(
            paragraph_number("3- أشار المتكلمون"),
            Some((3, "أشار المتكلمون"))
        );
        assert_eq!(paragraph_number("12 - وأوصي"), Some((12, "وأوصي")));
        // A dash before anything but Arabic is a range or a dash in a sentence.
        assert_eq!(paragraph_number("1-3 May"), None);
        assert_eq!(paragraph_number("5 - Scope"), None);
        assert_eq!(
            paragraph_number("7. “Each State Party"),
            Some((7, "“Each State Party"))
        );
    }

    #[test]
    fn not_paragraph_numbers() {
        for line in [
            "3.5 million dollars were returned",
            "1.1 Scope",
            "2016 年，毒品",
            "2017, the Conference",
            "007. text",
            "123456. text",
            "14.)",
            "6/3 号决议",
            "",
        ] {
            assert_eq!(paragraph_number(line), None, "{line}");
        }
    }

    #[test]
    fn heading_forms() {
        use HeadingForm::*;
        assert_eq!(
            heading_form("三. 追回资产任务授权的执行进展概览"),
            Some(ChineseNumeral)
        );
        assert_eq!(
            heading_form("四、关于推进资产追回的论坛"),
            Some(ChineseNumeral)
        );
        assert_eq!(heading_form("（一）导言"), Some(ChineseNumeral));
        assert_eq!(heading_form("II. Overview of progress"), Some(Roman));
        assert_eq!(heading_form("XIV. Other matters"), Some(Roman));
        assert_eq!(heading_form("A. 导言"), Some(Letter));
        assert_eq!(heading_form("B. Proposals for future work"), Some(Letter));
        assert_eq!(heading_form("Annex"), Some(Annex));
        assert_eq!(heading_form("Annex II"), Some(Annex));
        assert_eq!(heading_form("附件一"), Some(Annex));
        assert_eq!(heading_form("A.导言"), Some(Letter));
        assert_eq!(heading_form("B．背景"), Some(Letter));
        assert_eq!(heading_form(". 导言"), Some(LostNumeral));
        assert_eq!(heading_form("．背景"), Some(LostNumeral));
        assert_eq!(heading_form(". Introduction"), Some(LostNumeral));
        assert_eq!(heading_form("أولاً- مقدمة"), Some(Roman));
        assert_eq!(heading_form("ثاني عشر - مسائل أخرى"), Some(Roman));
        assert_eq!(heading_form("باء- بناء القدرات"), Some(Letter));
    }

    #[test]
    fn not_headings() {
        for line in [
            "I. The meeting was opened.",
            "A. the rest",
            "三是加强合作。",
            "Annexed to the present report is a list",
            "CIVIL matters",
            "V.17-06068",
            "U.S. policy",
            "A.b. minor",
            ". and so on",
            "...",
        ] {
            assert_eq!(heading_form(line), None, "{line}");
        }
    }

    #[test]
    fn bare_heading_numerals() {
        for line in ["I.", "XIV.", "A.", "三.", "四、"] {
            assert!(is_bare_heading_numeral(line), "{line}");
        }
        for line in ["14.", "I. Introduction", "AB.", "I", ""] {
            assert!(!is_bare_heading_numeral(line), "{line}");
        }
    }

    #[test]
    fn subparagraph_markers() {
        for line in [
            "(a) The first",
            "(ii) the second",
            "(3) third",
            "a) premier",
            "б) второй",
            "(أ) عدم وجود تشريعات",
            "（b）第二",
        ] {
            assert!(starts_subparagraph(line), "{line}");
        }
        for line in [
            "(CAC/COSP/2019/1)",
            "(see above)",
            "a matter",
            "(Abc) x",
            "(B) x",
            "(联) x",
        ] {
            assert!(!starts_subparagraph(line), "{line}");
        }
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("之间建立信心和信任。"));
        assert!(ends_sentence("as printed."));
        assert!(ends_sentence("the rules.”"));
        assert!(ends_sentence("its eighth session.*"));
        assert!(ends_sentence("of the rules.12"));
        assert!(!ends_sentence("in 2017"));
        assert!(!ends_sentence("任务授权涉及：(a)进一"));
        assert!(!ends_sentence("the following:"));
    }

    #[test]
    fn reference_words() {
        assert!(ends_with_reference_word("as stated in paragraph"));
        assert!(ends_with_reference_word("see para."));
        assert!(ends_with_reference_word("载于第"));
        assert!(!ends_with_reference_word(
            "the Working Group on Asset Recovery."
        ));
        assert!(
            !ends_with_reference_word("Landor"),
            "a word that merely ends in `or`"
        );
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("第 6/3 号"), 2 + 1 + 3 + 1 + 2);
    }
}
