//! Rejoining hard-wrapped lines.
//!
//! Chinese lines join with no space, Latin words with one. A line-end hyphen joins a word only
//! where it split one: `imple-` + `mentation` becomes `implementation`, `action-` + `oriented`
//! stays `action-oriented`. The document itself is the dictionary: if it spells the joined word
//! elsewhere it was split; if it spells the hyphenated compound elsewhere it was a compound; if
//! it says neither, a continuation that begins like a suffix (`-mentation`, `-tions`, `-ción`)
//! marks a split.

use std::collections::HashSet;

use super::line::is_cjk;

/// Word evidence from the document for deciding line-end hyphens.
#[derive(Debug, Default)]
pub struct Hyphenation {
    /// Lower-cased words and hyphenated compounds that occur inside lines.
    seen: HashSet<String>,
}

impl Hyphenation {
    /// Collect the evidence needed for the line-end hyphens among `lines` (trimmed body lines
    /// in order). Only the candidate words are looked for, so this stays linear and cheap.
    pub fn from_lines(lines: &[&str]) -> Self {
        let mut wanted = HashSet::new();
        for pair in lines.windows(2) {
            if let Some((head, tail)) = split_word(pair[0], pair[1]) {
                wanted.insert(format!("{head}{tail}").to_lowercase());
                wanted.insert(format!("{head}-{tail}").to_lowercase());
            }
        }
        if wanted.is_empty() {
            return Self::default();
        }
        let mut seen = HashSet::new();
        let mut lower = String::new();
        for line in lines {
            // The line's first and last words may be the halves of a split: not evidence.
            let words: Vec<&str> = words(line).collect();
            let inner = words.get(1..words.len().saturating_sub(1)).unwrap_or(&[]);
            for word in inner {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                if wanted.contains(&lower) {
                    seen.insert(lower.clone());
                }
            }
        }
        Self { seen }
    }

    fn seen(&self, word: &str) -> bool {
        self.seen.contains(&word.to_lowercase())
    }

    /// Whether `head-` at a line end and `tail` at the next line's start are one split word.
    fn is_split_word(&self, head: &str, tail: &str) -> bool {
        let joined = self.seen(&format!("{head}{tail}"));
        let compound = self.seen(&format!("{head}-{tail}"));
        match (joined, compound) {
            (true, false) => true,
            (false, true) => false,
            _ => starts_like_suffix(tail),
        }
    }
}

/// The word before a line-end hyphen and the word that starts the next line, when the first
/// line ends in `letter-` and the next starts with a lower-case letter.
fn split_word<'a>(line: &'a str, next: &'a str) -> Option<(&'a str, &'a str)> {
    let before = line.strip_suffix('-')?;
    let head_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() && !is_cjk(*c))
        .last()?
        .0;
    let head = &before[head_start..];
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let tail_end = next
        .find(|c: char| !c.is_alphabetic() || is_cjk(c))
        .unwrap_or(next.len());
    Some((head, &next[..tail_end]))
}

/// Words of a line: runs of letters, with inner hyphens kept (`action-oriented`).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphabetic() || c == '-'))
        .map(|word| word.trim_matches('-'))
        .filter(|word| !word.is_empty())
}

/// Endings that hyphenation leaves at the start of a line in English, French and Spanish.
fn starts_like_suffix(tail: &str) -> bool {
    const SUFFIXES: [&str; 30] = [
        "tion",
        "tions",
        "sion",
        "ment",
        "ments",
        "mentation",
        "ing",
        "ity",
        "ities",
        "ance",
        "ence",
        "ous",
        "ive",
        "able",
        "ible",
        "ally",
        "ation",
        "ations",
        "ization",
        "ness",
        "ship",
        "ture",
        "ciones",
        "ción",
        "mente",
        "dad",
        "dades",
        "ismo",
        "ique",
        "ement",
    ];
    let tail = tail.to_lowercase();
    SUFFIXES.iter().any(|suffix| tail.starts_with(suffix))
}

/// Append the next hard-wrapped line of the same block to `text`.
pub fn join_line(text: &mut String, next: &str, hyphenation: &Hyphenation) {
    let Some(last) = text.chars().next_back() else {
        text.push_str(next);
        return;
    };
    let Some(first) = next.chars().next() else {
        return;
    };
    if last == '\u{AD}' {
        // A soft hyphen only ever marks a split word.
        text.pop();
        text.push_str(next);
        return;
    }
    if let Some((head, tail)) = split_word(text, next) {
        if hyphenation.is_split_word(head, tail) {
            text.pop();
        }
        text.push_str(next);
        return;
    }
    let hyphen_after_non_space =
        matches!(last, '-' | '\u{2010}') && !text[..text.len() - last.len_utf8()].ends_with(' ');
    if hyphen_after_non_space || is_cjk(last) || is_cjk(first) {
        text.push_str(next);
    } else {
        text.push(' ');
        text.push_str(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join_all(lines: &[&str]) -> String {
        let hyphenation = Hyphenation::from_lines(lines);
        let mut text = String::new();
        for line in lines {
            join_line(&mut text, line, &hyphenation);
        }
        text
    }

    #[test]
    fn chinese_joins_without_space() {
        assert_eq!(
            join_all(&[
                "秘书处概要介绍了工作组任务授权的执行进展情况，任务授权涉及：(a)进一",
                "步积累知识"
            ]),
            "秘书处概要介绍了工作组任务授权的执行进展情况，任务授权涉及：(a)进一步积累知识"
        );
        assert_eq!(join_all(&["第 6/4", "号决议"]), "第 6/4号决议");
        assert_eq!(
            join_all(&["文件", "（CAC/COSP/WG.2/2017/CRP.1）"]),
            "文件（CAC/COSP/WG.2/2017/CRP.1）"
        );
    }

    #[test]
    fn latin_joins_with_one_space() {
        assert_eq!(
            join_all(&["The Working Group on Asset", "Recovery met in Vienna."]),
            "The Working Group on Asset Recovery met in Vienna."
        );
    }

    #[test]
    fn split_words_are_rejoined() {
        assert_eq!(
            join_all(&["progress in the imple-", "mentation of the mandates"]),
            "progress in the implementation of the mandates"
        );
        assert_eq!(join_all(&["a soft\u{AD}", "ware"]), "a software");
    }

    #[test]
    fn compounds_keep_their_hyphen() {
        assert_eq!(
            join_all(&["an action-", "oriented approach"]),
            "an action-oriented approach"
        );
        assert_eq!(
            join_all(&["the 2016-", "2017 biennium"]),
            "the 2016-2017 biennium"
        );
        assert_eq!(
            join_all(&["on a case-by-", "case basis"]),
            "on a case-by-case basis"
        );
    }

    #[test]
    fn the_document_is_the_dictionary() {
        // `recovery` is not a suffix, but the document spells `recovery` elsewhere, so the
        // hyphen split it.
        let lines = [
            "asset recovery is central to the",
            "work of the asset re-",
            "covery network",
        ];
        assert_eq!(
            join_all(&lines),
            "asset recovery is central to the work of the asset recovery network"
        );
        // `anti-corruption` is spelt with its hyphen elsewhere, so it stays a compound even
        // though it is split before a word that does not look like a suffix.
        let lines = [
            "the new anti-corruption law and the",
            "older anti-",
            "corruption body",
        ];
        assert_eq!(
            join_all(&lines),
            "the new anti-corruption law and the older anti-corruption body"
        );
    }

    #[test]
    fn dash_with_spaces_stays_a_dash() {
        assert_eq!(
            join_all(&["the result -", "as expected"]),
            "the result - as expected"
        );
    }
}
