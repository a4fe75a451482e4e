//! Large reports for benchmarks and stress tests, made from real text: the seed's paragraphs
//! repeated and renumbered, with the page furniture of a real report (running symbol line,
//! page counter and job number) between pages and the seed's hard wraps kept.

use std::fmt::Write as _;

use crate::seed;

/// How many paragraphs a generated page holds.
const PARAGRAPHS_PER_PAGE: usize = 6;

/// A Chinese report of `paragraphs` numbered paragraphs, with a heading every 50 paragraphs.
pub fn large_chinese_report(paragraphs: usize) -> String {
    let bodies = seed_paragraph_bodies();
    let pages = paragraphs.div_ceil(PARAGRAPHS_PER_PAGE).max(1);
    let mut out = String::with_capacity(paragraphs * 500);
    out.push_str("CAC/COSP/WG.2/2017/L.1/Add.1\n\n");
    for number in 1..=paragraphs {
        if number % 50 == 1 {
            let _ = write!(
                out,
                "{}. 第{}部分\n\n",
                chinese_numeral(number / 50 + 1),
                number / 50 + 1
            );
        }
        let body = bodies[(number - 1) % bodies.len()];
        let _ = write!(out, "{number}. {body}\n\n");
        if number % PARAGRAPHS_PER_PAGE == 0 {
            let page = number / PARAGRAPHS_PER_PAGE + 1;
            let _ = write!(
                out,
                " CAC/COSP/WG.2/2017/L.1/Add.1 \n\n{page}/{pages} V.17-06068 \n\n"
            );
        }
    }
    out
}

/// The seed's paragraph bodies as they stand in the file (hard wraps included), without their
/// numbers.
fn seed_paragraph_bodies() -> Vec<&'static str> {
    let mut bodies = Vec::new();
    let text = seed::TEXT;
    let starts: Vec<usize> = text
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .filter(|at| {
            let rest = &text[*at..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(". ")
        })
        .collect();
    for (i, start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let chunk = &text[*start..end];
        let body = chunk.split_once(". ").map_or(chunk, |(_, body)| body);
        // Stop before any furniture or heading that followed the paragraph in the seed.
        let body = body
            .split("\n\n\n")
            .next()
            .unwrap_or(body)
            .split("\n \n")
            .next()
            .unwrap_or(body)
            .trim_end();
        bodies.push(body);
    }
    bodies
}

fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => format!("{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    #[test]
    fn a_generated_report_parses_to_exactly_its_paragraphs() {
        let text = large_chinese_report(1000);
        let document = parse_text(&text).unwrap();
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, (1..=1000).collect::<Vec<u32>>());
        assert_eq!(
            document.symbol.as_deref(),
            Some("CAC/COSP/WG.2/2017/L.1/Add.1")
        );
        assert_eq!(document.headings().count(), 20);
        // Every page break was recognised as furniture, none left in a paragraph.
        assert!(
            document
                .paragraphs()
                .all(|p| !p.text.contains("V.17-06068"))
        );
        let seed = crate::seed::document().unwrap();
        let first = &seed.paragraphs().next().unwrap().text;
        assert_eq!(
            &document.paragraphs().nth(22).unwrap().text,
            first,
            "paragraph 23 repeats paragraph 1"
        );
    }
}
