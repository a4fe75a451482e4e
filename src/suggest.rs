//! Suggested tags from a report's own wording (issue 20): transparent, offline and fast.
//!
//! UN reports say what they report in stock phrases — "speakers highlighted the challenges",
//! "difficulties in", "a good practice", "recommended that", "urged States parties to"; 挑战,
//! 困难, 良好做法, 建议, 促请 — so each language has a lexicon of cues (`assets/cues/LANG.txt`,
//! a text file a user can read and extend: docs/suggestions.md), each speaking for one tag
//! with a weight. A paragraph's sentences are read one by one; a cue that a negation stands
//! shortly before in its sentence ("no challenges were reported", "未遇到困难") counts
//! nothing, one after a hedge ("may", "可能") half; the weights are summed per tag over the
//! paragraph, and a tag whose sum reaches [`THRESHOLD`] is suggested with every cue that
//! counted as its evidence. Nothing here is a tag: a suggestion becomes one only when the
//! delegate accepts it.

use std::ops::Range;

use crate::annotations::{ParagraphIndex, Tag};
use crate::document::{Document, Language};

/// A tag is suggested when its cues in a paragraph sum to this much.
pub const THRESHOLD: f32 = 2.0;

/// How far before a cue a negation or hedge still bears on it, in characters of the sentence
/// (about five words; six Chinese characters).
const SCOPE_LATIN: usize = 32;
const SCOPE_CJK: usize = 6;

/// What a cue says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CueKind {
    /// Speaks for a tag, with this weight (negative: takes away).
    Tag(Tag, f32),
    /// Turns the cues after it in its sentence into nothing.
    Negation,
    /// Halves the cues after it in its sentence.
    Hedge,
}

/// One cue: a phrase, folded to small letters, and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub phrase: String,
    folded: Vec<char>,
    pub kind: CueKind,
}

/// The cues of one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    pub cues: Vec<Cue>,
}

/// A line of a lexicon that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

/// The lexicons paratag ships, by language code.
const SHIPPED: [(&str, &str); 5] = [
    ("en", include_str!("../assets/cues/en.txt")),
    ("zh", include_str!("../assets/cues/zh.txt")),
    ("fr", include_str!("../assets/cues/fr.txt")),
    ("es", include_str!("../assets/cues/es.txt")),
    ("ru", include_str!("../assets/cues/ru.txt")),
];

impl Lexicon {
    /// The lexicon paratag ships for a language (empty for one it has none for: Arabic).
    pub fn shipped(language: Language) -> Self {
        SHIPPED
            .iter()
            .find(|(code, _)| *code == language.code())
            .and_then(|(_, text)| Self::parse(text).ok())
            .unwrap_or_default()
    }

    /// Read a lexicon: `KIND WEIGHT PHRASE` a line (docs/suggestions.md).
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut cues = Vec::new();
        for (at, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| LexiconError {
                line: at + 1,
                message,
            };
            // Columns apart by any amount of space; the phrase's words by one.
            let mut words = line.split_whitespace();
            let (Some(kind), Some(weight)) = (words.next(), words.next()) else {
                return Err(error("expected KIND WEIGHT PHRASE".to_owned()));
            };
            let phrase = words.collect::<Vec<_>>().join(" ");
            if phrase.is_empty() {
                return Err(error("the phrase is missing".to_owned()));
            }
            let kind = match kind {
                "negation" => CueKind::Negation,
                "hedge" => CueKind::Hedge,
                tag => {
                    let tag = Tag::ALL
                        .into_iter()
                        .find(|t| t.key() == tag)
                        .ok_or_else(|| {
                            error(format!(
                                "unknown kind `{tag}` (challenge, good-practice, proposal, negation or hedge)"
                            ))
                        })?;
                    let weight: f32 = weight
                        .parse()
                        .ok()
                        .filter(|w: &f32| w.is_finite())
                        .ok_or_else(|| error(format!("`{weight}` is not a weight")))?;
                    CueKind::Tag(tag, weight)
                }
            };
            cues.push(Cue {
                folded: fold(&phrase).collect(),
                phrase,
                kind,
            });
        }
        Ok(Self { cues })
    }

    /// This lexicon with another's cues added (a user's own, after the shipped ones).
    #[must_use]
    pub fn with(mut self, more: Self) -> Self {
        self.cues.extend(more.cues);
        self
    }
}

/// A lexicon file of the user's (a regular file of at most 1 MiB, UTF-8), or why it cannot
/// be read, in words to show beside its path.
pub fn read_lexicon(path: &std::path::Path) -> Result<Lexicon, String> {
    let bytes =
        crate::storage::read_regular(path, 1024 * 1024).map_err(|error| error.to_string())?;
    let text = String::from_utf8(bytes).map_err(|_| "the file is not text (UTF-8)".to_owned())?;
    Lexicon::parse(&text).map_err(|error| error.to_string())
}

/// A character as cues are matched: small letters, full-width forms as ASCII.
fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().map(fold_char)
}

fn fold_char(c: char) -> char {
    let c = match u32::from(c) {
        // Full-width ASCII (Ａ, ｂ, ！) as ASCII.
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// One cue found in a paragraph, and what it counted for after negation and hedges.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Where, in bytes of the paragraph's text.
    pub range: Range<usize>,
    pub cue: String,
    pub weight: f32,
}

/// A tag suggested for a paragraph, with the cues that add up to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub paragraph: ParagraphIndex,
    pub number: u32,
    pub tag: Tag,
    pub score: f32,
    pub evidence: Vec<Evidence>,
}

/// The tags a report's wording suggests, paragraph by paragraph, in document order.
pub fn suggest(document: &Document, lexicon: &Lexicon) -> Vec<Suggestion> {
    document
        .paragraphs()
        .enumerate()
        .flat_map(|(index, paragraph)| {
            suggest_paragraph(&paragraph.text, lexicon).into_iter().map(
                move |(tag, score, evidence)| Suggestion {
                    paragraph: ParagraphIndex(index),
                    number: paragraph.number,
                    tag,
                    score,
                    evidence,
                },
            )
        })
        .collect()
}

/// Where a cue was found in a text: its char positions and what it says.
struct Found<'a> {
    start: usize,
    end: usize,
    cue: &'a Cue,
}

/// The tags one paragraph's text suggests: each with its score and its evidence.
pub fn suggest_paragraph(text: &str, lexicon: &Lexicon) -> Vec<(Tag, f32, Vec<Evidence>)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|(_, c)| fold_char(*c)).collect();
    let byte_at = |at: usize| chars.get(at).map_or(text.len(), |(byte, _)| *byte);
    let mut totals: Vec<(Tag, f32, Vec<Evidence>)> = Vec::new();
    for sentence in sentences(&folded) {
        let found = find_cues(&folded, sentence.clone(), lexicon);
        for cue in &found {
            let CueKind::Tag(tag, weight) = cue.cue.kind else {
                continue;
            };
            // A negation or hedge shortly before, in the same sentence, bears on it.
            let scope = if folded[cue.start..cue.end].iter().any(|c| is_cjk(*c)) {
                SCOPE_CJK
            } else {
                SCOPE_LATIN
            };
            let bearing = |kind: CueKind| {
                found.iter().any(|other| {
                    other.cue.kind == kind
                        && other.end <= cue.start
                        && cue.start - other.end <= scope
                })
            };
            let weight = if weight > 0.0 && bearing(CueKind::Negation) {
                0.0
            } else if weight > 0.0 && bearing(CueKind::Hedge) {
                weight / 2.0
            } else {
                weight
            };
            let evidence = Evidence {
                range: byte_at(cue.start)..byte_at(cue.end),
                cue: cue.cue.phrase.clone(),
                weight,
            };
            match totals.iter_mut().find(|(t, ..)| *t == tag) {
                Some((_, total, list)) => {
                    *total += weight;
                    list.push(evidence);
                }
                None => totals.push((tag, weight, vec![evidence])),
            }
        }
    }
    totals.retain(|(_, total, _)| *total >= THRESHOLD);
    for (_, _, evidence) in &mut totals {
        // What counted, in reading order; a cue that counted nothing is not evidence.
        evidence.retain(|e| e.weight > 0.0);
        evidence.sort_by_key(|e| e.range.start);
    }
    totals.sort_by_key(|(tag, ..)| *tag);
    totals
}

/// The sentences of a folded text, as char ranges: ends at `.` `。` `;` `；` `!` `?` and
/// their full-width forms.
fn sentences(folded: &[char]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, c) in folded.iter().enumerate() {
        let ends = matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?')
            || (*c == '.' && folded.get(at + 1).is_none_or(|next| next.is_whitespace()));
        if ends {
            sentences.push(start..at + 1);
            start = at + 1;
        }
    }
    if start < folded.len() {
        sentences.push(start..folded.len());
    }
    sentences
}

/// Every cue in a sentence. A Latin phrase starts a word; a tag's phrase may end inside one
/// (a stem), a negation's or a hedge's is a whole word. Where cues overlap, the longest that
/// starts first counts ("good practice" rather than "practice" within it).
fn find_cues<'a>(folded: &[char], sentence: Range<usize>, lexicon: &'a Lexicon) -> Vec<Found<'a>> {
    let mut found: Vec<Found<'a>> = Vec::new();
    let is_word = |c: char| c.is_alphanumeric() && !is_cjk(c);
    for at in sentence.clone() {
        let starts_word = at == sentence.start || !is_word(folded[at - 1]);
        for cue in &lexicon.cues {
            let phrase = &cue.folded;
            let Some(first) = phrase.first() else {
                continue;
            };
            if folded[at] != *first || at + phrase.len() > sentence.end {
                continue;
            }
            if folded[at..at + phrase.len()] != phrase[..] {
                continue;
            }
            let latin = !is_cjk(*first);
            if latin && !starts_word {
                continue;
            }
            let end = at + phrase.len();
            let whole = matches!(cue.kind, CueKind::Negation | CueKind::Hedge);
            if latin && whole && folded.get(end).is_some_and(|c| is_word(*c)) {
                continue;
            }
            found.push(Found {
                start: at,
                end,
                cue,
            });
        }
    }
    // Overlapping tag cues: keep the longest of those that start first; negative cues (a
    // phrase that names a tag without giving one) always count, so that they take away.
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Found<'a>> = Vec::new();
    let mut covered = 0;
    for cue in found {
        let negative = matches!(cue.cue.kind, CueKind::Tag(_, w) if w < 0.0);
        let tag = matches!(cue.cue.kind, CueKind::Tag(..));
        if tag && !negative {
            if cue.start < covered {
                continue;
            }
            covered = cue.end;
        }
        kept.push(cue);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str, language: Language) -> Vec<Tag> {
        suggest_paragraph(text, &Lexicon::shipped(language))
            .into_iter()
            .map(|(tag, ..)| tag)
            .collect()
    }

    #[test]
    fn every_shipped_lexicon_reads() {
        for (code, text) in SHIPPED {
            let lexicon = Lexicon::parse(text).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert!(lexicon.cues.len() > 20, "{code}");
        }
    }

    #[test]
    fn stock_phrases_suggest_their_tags_with_evidence() {
        let text = "Several speakers reported practical challenges and difficulties in tracing \
                    assets. Speakers also urged States to cooperate.";
        let found = suggest_paragraph(text, &Lexicon::shipped(Language::English));
        let (tag, score, evidence) = &found[0];
        assert_eq!(*tag, Tag::Challenge);
        assert!((*score - 4.0).abs() < 0.01);
        assert_eq!(&text[evidence[0].range.clone()], "challenge");
        assert_eq!(&text[evidence[1].range.clone()], "difficult");
        assert_eq!(found[1].0, Tag::Proposal);
        assert_eq!(
            tags("一些发言者报告了实际挑战和困难。", Language::Chinese),
            [Tag::Challenge]
        );
    }

    #[test]
    fn negations_and_hedges_bear_on_the_cues_after_them() {
        assert!(
            tags(
                "No challenges were reported by the delegations.",
                Language::English
            )
            .is_empty()
        );
        assert!(tags("各国未遇到困难。", Language::Chinese).is_empty());
        // "noted" is not "no": negations are whole words.
        assert_eq!(
            tags(
                "One speaker noted challenges in the process.",
                Language::English
            ),
            [Tag::Challenge]
        );
        // A hedge halves: one strong cue after "may" is not enough.
        assert!(tags("Such cases may pose challenges.", Language::English).is_empty());
        // A negation in another sentence bears on nothing here.
        assert_eq!(
            tags(
                "No State objected. Speakers recommended a new study.",
                Language::English
            ),
            [Tag::Proposal]
        );
    }

    #[test]
    fn a_phrase_that_only_names_a_tag_takes_away() {
        assert!(
            tags(
                "Speakers stressed the need to share good practices.",
                Language::English
            )
            .is_empty()
        );
        assert_eq!(
            tags(
                "He highlighted, as a good practice, the bilateral treaty.",
                Language::English
            ),
            [Tag::GoodPractice]
        );
    }

    #[test]
    fn a_bad_lexicon_line_is_named() {
        let error =
            Lexicon::parse("# cues\nchallenge 2 difficult\npriority 2 urgent\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("unknown kind `priority`"), "{error}");
        assert_eq!(Lexicon::parse("proposal lots urge").unwrap_err().line, 1);
        assert_eq!(Lexicon::parse("proposal 2").unwrap_err().line, 1);
    }
}
