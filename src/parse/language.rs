//! Which of the six official languages a text is written in.
//!
//! The script decides Chinese, Arabic and Russian. English, French and Spanish share a script
//! and are told apart by their most frequent function words, which every report is full of.

use crate::document::Language;

/// How much text is enough to be sure; the rest of a long compilation adds nothing.
const SAMPLE_CHARS: usize = 200_000;

/// Detect the language of a report's text. Text with no letters at all is taken as English.
pub fn detect(text: &str) -> Language {
    let mut han = 0_usize;
    let mut cyrillic = 0_usize;
    let mut arabic = 0_usize;
    let mut latin = 0_usize;
    for c in text.chars().take(SAMPLE_CHARS) {
        match c {
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => han += 1,
            '\u{400}'..='\u{4FF}' => cyrillic += 1,
            '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FEFF}' => arabic += 1,
            c if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    // A Chinese report is full of Latin symbols and figures, but one ideograph stands for a
    // word, so a much smaller share of Han characters already means Chinese.
    let letters = han + cyrillic + arabic + latin;
    if letters == 0 {
        return Language::English;
    }
    if han * 5 >= letters {
        return Language::Chinese;
    }
    if arabic * 2 >= letters {
        return Language::Arabic;
    }
    if cyrillic * 2 >= letters {
        return Language::Russian;
    }
    latin_language(text)
}

fn latin_language(text: &str) -> Language {
    let mut english = 0_usize;
    let mut french = 0_usize;
    let mut spanish = 0_usize;
    let mut lower = String::new();
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 5 {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        match lower.as_str() {
            "the" | "of" | "and" | "to" | "that" | "is" | "with" | "which" | "was" | "were" => {
                english += 1;
            }
            "les" | "des" | "et" | "du" | "une" | "dans" | "est" | "au" | "aux" | "sur" => {
                french += 1;
            }
            "los" | "las" | "del" | "y" | "el" | "por" | "con" | "una" | "para" | "que" => {
                spanish += 1;
            }
            _ => {}
        }
    }
    if french > english && french >= spanish {
        Language::French
    } else if spanish > english && spanish > french {
        Language::Spanish
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_languages() {
        let cases = [
            (
                "秘书处概要介绍了工作组任务授权的执行进展情况，在编写本报告时载有来自 180 多个法域的法律。",
                Language::Chinese,
            ),
            (
                "The secretariat introduced the progress made in the implementation of the mandates of the Working Group.",
                Language::English,
            ),
            (
                "Le secrétariat a présenté les progrès accomplis dans la mise en œuvre des mandats du Groupe de travail et des États.",
                Language::French,
            ),
            (
                "La secretaría presentó los progresos realizados en la aplicación de los mandatos del Grupo de trabajo y de las conferencias.",
                Language::Spanish,
            ),
            (
                "Секретариат представил информацию о ходе осуществления мандатов Рабочей группы.",
                Language::Russian,
            ),
            (
                "قدمت الأمانة عرضا للتقدم المحرز في تنفيذ ولايات الفريق العامل.",
                Language::Arabic,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text), expected, "{text}");
        }
    }

    #[test]
    fn chinese_with_many_symbols_and_figures_is_still_chinese() {
        let text =
            "还向工作组简要介绍了秘书处为履行第 6/1 号和第 6/4 号决议（CAC/COSP/WG.2/2017/CRP.1）";
        assert_eq!(detect(text), Language::Chinese);
    }
}
