//! Reports as delegates receive them, opened the way the window and `paratag outline` open
//! them (`parse::read_report`): the Word file and the PDFs of the built-in report must give the
//! same symbol, headings and paragraphs as its text.

// Test set-up that fails should fail the test loudly, helpers included.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use paratag::document::{Block, Document, Region};
use paratag::parse;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Text without any whitespace: extraction and Word differ in where they leave spaces around
/// digits in Chinese text, never in the characters.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each heading and paragraph as one line: "三. …" or "12. …".
fn lines(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(heading) => Some(heading.clone()),
            Block::Paragraph(paragraph) => Some(format!("{}.{}", paragraph.number, paragraph.text)),
            Block::Text(_) => None,
        })
        .map(|line| squeezed(&line))
        .collect()
}

/// The built-in report as a Word file and as PDFs made three ways (by an office suite with
/// TrueType and with CFF subset fonts, by an HTML printer with a CID font): each gives the text's symbol, headings and
/// paragraphs, character for character, and its one footnote apart.
#[test]
fn every_form_of_the_built_in_report_reads_like_its_text() {
    let text = paratag::builtin_report::document().unwrap();
    let truth: Vec<String> = std::fs::read_to_string(fixture("seed-layout.zh.truth.txt"))
        .unwrap()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(squeezed)
        .collect();
    for name in [
        "seed-layout.zh.docx",
        "seed-layout.zh.odt",
        "seed-layout.zh.lo-truetype.pdf",
        "seed-layout.zh.lo-cff.pdf",
        "seed-layout.zh.cid.pdf",
    ] {
        let document = parse::read_report(&fixture(name)).unwrap();
        assert_eq!(document.symbol, text.symbol, "{name}");
        assert_eq!(document.language, text.language, "{name}");
        let numbers: Vec<u32> = document.paragraphs().map(|p| p.number).collect();
        assert_eq!(numbers, (1..=22).collect::<Vec<_>>(), "{name}");
        assert_eq!(lines(&document), truth, "{name}");
        assert_eq!(lines(&document), lines(&text), "{name}");
        assert_eq!(
            document.footnotes.len(),
            1,
            "{name}: {:?}",
            document.footnotes
        );
        assert!(
            document.footnotes[0].contains("undocs.org/ch/CAC/COSP/WG.2/2017/CRP.1"),
            "{name}: {:?}",
            document.footnotes
        );
        // Running heads, page counters and job numbers are recorded, never in the text.
        for furniture in ["V.17-06068", "2/3"] {
            assert!(
                !document.paragraphs().any(|p| p.text.contains(furniture)),
                "{name}: {furniture} in a paragraph"
            );
        }
    }
}

/// The built-in report as an old Word document (.doc), converted by the real LibreOffice
/// (`.ci/run` installs it and runs this with `--features libreoffice`): the same paragraphs as
/// the text.
#[cfg(feature = "libreoffice")]
#[test]
fn an_old_word_document_is_converted_by_libreoffice() {
    let text = paratag::builtin_report::document().unwrap();
    let document = parse::read_report(&fixture("seed-layout.zh.doc")).unwrap();
    assert_eq!(document.symbol, text.symbol);
    assert_eq!(lines(&document), lines(&text));
    assert_eq!(document.encoding, "Word (.docx)");
}

/// Paragraphs numbered by LibreOffice's list styles (an HTML page with `<ol>` lists, saved as
/// `.odt` by LibreOffice: the numbers are in the list styles, not the text), one list
/// starting at 3: printed numbers, sub-items and headings as a reader sees them.
#[test]
fn paragraphs_numbered_by_list_styles_in_an_odt() {
    let document = parse::read_report(&fixture("numbered-lists.en.odt")).unwrap();
    assert_eq!(document.symbol.as_deref(), Some("A/HRC/55/12"));
    assert_eq!(document.encoding, "OpenDocument (.odt)");
    assert_eq!(
        document.headings().collect::<Vec<_>>(),
        ["I. Introduction", "II. Findings"]
    );
    let paragraphs: Vec<(u32, &str)> = document
        .paragraphs()
        .map(|p| (p.number, p.text.as_str()))
        .collect();
    assert_eq!(
        paragraphs,
        [
            (
                1,
                "The Council considered the study and welcomed it with great interest."
            ),
            (
                2,
                "It decided: a. To remain seized of the matter; b. To report back."
            ),
            (3, "The findings follow in the annex to the present report."),
        ]
    );
}

/// Tags made on the text open on the Word file and the PDF of the same report, every one on its
/// paragraph.
#[test]
fn tags_made_on_the_text_anchor_in_the_word_file_and_the_pdf() {
    use paratag::annotations::{Annotation, Annotations, ParagraphIndex, Tag};
    use paratag::tags_file::{self, Fingerprints};
    let text = paratag::builtin_report::document().unwrap();
    let mut annotations = Annotations::default();
    for index in [0, 4, 11, 21] {
        annotations.insert(
            ParagraphIndex(index),
            Annotation {
                tags: std::iter::once(Tag::Proposal).collect(),
                note: format!("note {index}"),
                changed: None,
                ..Default::default()
            },
        );
    }
    let file = tags_file::build(&text, &Fingerprints::new(&text), None, &annotations, &[]);
    for name in ["seed-layout.zh.docx", "seed-layout.zh.cid.pdf"] {
        let other = parse::read_report(&fixture(name)).unwrap();
        let anchored = tags_file::anchor(&file, &other, &Fingerprints::new(&other));
        assert!(
            anchored.orphans.is_empty(),
            "{name}: {:?}",
            anchored.orphans
        );
        assert_eq!(anchored.annotations, annotations, "{name}");
    }
}

/// A long English report printed as a PDF (paragraphs across page breaks, a running head and a
/// page counter on every page) reads back with the paragraphs of its text, word for word.
#[test]
fn a_printed_report_reads_back_like_its_text() {
    let english = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt"),
    )
    .unwrap();
    let source = parse::parse(&english).unwrap();
    let text = paratag::synthetic::large_report(&source, 120).unwrap();
    // The standard font prints Latin-1 and a few more; the rest is `?` in the PDF, and so in
    // the text here.
    let latin: String = text
        .chars()
        .map(|c| {
            if c == '\n' || paratag::synthetic::win_ansi(c).is_some() {
                c
            } else {
                '?'
            }
        })
        .collect();
    let from_text = parse::parse_text(&latin).unwrap();
    let pdf = paratag::synthetic::pdf_report(&text, source.symbol.as_deref().unwrap());
    let from_pdf = parse::parse(&pdf).unwrap();
    assert_eq!(from_pdf.symbol, source.symbol);
    let words = |document: &Document| -> Vec<(u32, String)> {
        document
            .paragraphs()
            .map(|p| {
                (
                    p.number,
                    p.text.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect()
    };
    assert_eq!(from_pdf.paragraphs().count(), 120);
    assert_eq!(words(&from_pdf), words(&from_text));
    assert_eq!(
        from_pdf.headings().collect::<Vec<_>>(),
        from_text.headings().collect::<Vec<_>>()
    );
}

/// A French report in UN layout (written for this test): masthead, title, two sections.
const FRENCH: &str = "\
Nations Unies
CAC/COSP/WG.2/2019/4
Conférence des États parties à la
Convention des Nations Unies
contre la corruption
Distr. générale
12 septembre 2019
Français
Original : anglais
Groupe de travail intergouvernemental à composition non limitée
sur le recouvrement d’avoirs
Rapport sur la réunion du Groupe de travail tenue à Vienne
du 4 au 6 septembre 2019
I. Introduction
1. Le Groupe de travail sur le recouvrement d’avoirs a été créé par la
Conférence des États parties dans sa résolution 1/4 afin de l’aider à
s’acquitter de son mandat concernant la restitution du produit de la
corruption.
2. Dans la même résolution, la Conférence a décidé que le Groupe de
travail l’aiderait à accumuler des connaissances dans le domaine du
recouvrement d’avoirs et à favoriser la confiance entre États requérants
et États requis.
II. Résumé des débats
3. Plusieurs orateurs ont souligné les difficultés rencontrées dans
l’identification des bénéficiaires effectifs et ont insisté sur
l’importance de la coopération internationale, y compris l’échange
spontané d’informations.
4. Un orateur a proposé que le secrétariat élabore un guide pratique
sur la gestion des avoirs saisis ; d’autres ont encouragé les États à
partager leurs bonnes pratiques en matière de restitution.
";

/// A Spanish report in UN layout (written for this test).
const SPANISH: &str = "\
Naciones Unidas
CAC/COSP/WG.2/2019/4
Conferencia de los Estados Partes
en la Convención de las Naciones
Unidas contra la Corrupción
Distr. general
12 de septiembre de 2019
Español
Original: inglés
Grupo de Trabajo Intergubernamental de Composición Abierta
sobre Recuperación de Activos
Informe sobre la reunión del Grupo de Trabajo celebrada en Viena
del 4 al 6 de septiembre de 2019
I. Introducción
1. El Grupo de Trabajo sobre Recuperación de Activos fue establecido por
la Conferencia de los Estados Partes en su resolución 1/4 con el fin de
prestarle asistencia en el cumplimiento de su mandato relativo a la
restitución del producto de la corrupción.
2. En la misma resolución, la Conferencia decidió que el Grupo de Trabajo
la ayudaría a acumular conocimientos en la esfera de la recuperación de
activos y a fomentar la confianza entre los Estados requirentes y los
Estados requeridos.
II. Resumen de las deliberaciones
3. Varios oradores destacaron las dificultades encontradas para
identificar a los beneficiarios finales e insistieron en la importancia
de la cooperación internacional, incluido el intercambio espontáneo de
información.
4. Un orador propuso que la secretaría elaborara una guía práctica sobre
la administración de los bienes incautados; otros alentaron a los
Estados a que compartieran sus buenas prácticas en materia de
restitución.
";

/// French and Spanish reports printed as PDFs of some pages (accents, `’` and `œ` through the
/// PDF font's own encoding, paragraphs across page breaks, a running head and page counters)
/// read back with their symbol, language, headings and paragraphs, word for word, each
/// paragraph placed on its page.
#[test]
fn french_and_spanish_pdfs_read_like_their_text() {
    use paratag::document::Language;
    for (text, language, words) in [
        (FRENCH, Language::French, ["États", "d’avoirs", "été créé"]),
        (
            SPANISH,
            Language::Spanish,
            ["restitución", "información", "oradores"],
        ),
    ] {
        let source = parse::parse_text(text).unwrap();
        assert_eq!(source.language, language);
        let long = paratag::synthetic::large_report(&source, 60).unwrap();
        let from_text = parse::parse_text(&long).unwrap();
        let pdf = paratag::synthetic::pdf_report(&long, "CAC/COSP/WG.2/2019/4");
        let from_pdf = parse::parse(&pdf).unwrap();
        assert_eq!(from_pdf.symbol.as_deref(), Some("CAC/COSP/WG.2/2019/4"));
        assert_eq!(from_pdf.language, language);
        assert_eq!(lines(&from_pdf), lines(&from_text), "{language:?}");
        let body: String = from_pdf.paragraphs().map(|p| p.text.as_str()).collect();
        for word in words {
            assert!(body.contains(word), "{language:?}: {word}");
        }
        let printed = from_pdf.printed.as_ref().unwrap();
        assert!(printed.sizes.len() >= 3, "{language:?}");
        for (block, regions) in from_pdf.blocks.iter().zip(&printed.regions) {
            if !matches!(block, Block::Text(_)) {
                assert!(!regions.is_empty(), "{language:?}: {block:?} has no place");
            }
        }
    }
}

/// Paint pages of a PDF at a scale, as the page view's worker does.
fn paint(pdf: &[u8], pages: &[usize], scale: f32) -> Vec<paratag::import::pdf::PageImage> {
    let mut asked: Vec<(usize, f32)> = pages.iter().rev().map(|page| (*page, scale)).collect();
    let mut painted = Vec::new();
    paratag::import::pdf::paint_pages(
        std::sync::Arc::new(pdf.to_vec()),
        || asked.pop(),
        |_, _, image| painted.push(image.unwrap()),
    );
    painted
}

/// Every heading and paragraph of the built-in report's PDFs, and of a long printed report,
/// has its place on the printed pages, in reading order, and the painted page shows type there.
#[test]
fn every_paragraph_of_a_pdf_has_its_place_on_the_printed_page() {
    let english = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/parse_report/english.txt"),
    )
    .unwrap();
    let source = parse::parse(&english).unwrap();
    let text = paratag::synthetic::large_report(&source, 120).unwrap();
    let long = paratag::synthetic::pdf_report(&text, source.symbol.as_deref().unwrap());
    let mut reports = vec![("long report".to_owned(), long)];
    for name in [
        "seed-layout.zh.lo-truetype.pdf",
        "seed-layout.zh.lo-cff.pdf",
        "seed-layout.zh.cid.pdf",
    ] {
        reports.push((name.to_owned(), std::fs::read(fixture(name)).unwrap()));
    }
    for (name, bytes) in reports {
        let document = parse::parse(&bytes).unwrap();
        let printed = document.printed.as_ref().unwrap();
        let mut last: Option<Region> = None;
        let mut across_pages = 0;
        for (index, block) in document.blocks.iter().enumerate() {
            let regions = &printed.regions[index];
            if matches!(block, Block::Text(_)) {
                continue;
            }
            assert!(!regions.is_empty(), "{name}: {block:?} has no place");
            for region in regions {
                let [width, height] = printed.sizes[region.page];
                assert!(
                    region.left >= 0.0 && region.right <= width && region.top >= 0.0,
                    "{name}: {region:?} off the page"
                );
                assert!(region.bottom <= height && region.top < region.bottom);
                if let Some(last) = last {
                    assert!(
                        (region.page, region.top) > (last.page, last.top),
                        "{name}: {block:?} at {region:?} is not after {last:?}"
                    );
                }
                last = Some(*region);
            }
            across_pages += usize::from(regions.len() > 1);
        }
        assert!(printed.sizes.len() > 2, "{name}");
        assert!(
            across_pages > 0,
            "{name}: some paragraph runs on to the next page"
        );
        // The first paragraph is printed where its region says.
        let first = document
            .blocks
            .iter()
            .position(|block| matches!(block, Block::Paragraph(_)))
            .unwrap();
        let region = printed.regions[first][0];
        let [image] = &paint(&bytes, &[region.page], 1.5)[..] else {
            panic!("{name}: one page painted");
        };
        assert!(
            image.darkest(1.5, &region) < 128,
            "{name}: no type at {region:?}"
        );
    }
}

/// Damaged files as they arrive from a broken download or a bad disk: the built-in report's
/// Word file and PDFs cut short, with bytes flipped, or with a stretch overwritten. Each gives a
/// document or an error — never a panic, never a hang.
#[test]
fn damaged_pdfs_and_word_files_never_panic() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: usize| {
        // xorshift64*: reproducible, and no dependency for a few thousand numbers.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % below.max(1)
    };
    for name in [
        "seed-layout.zh.docx",
        "seed-layout.zh.odt",
        "seed-layout.zh.cid.pdf",
        "seed-layout.zh.lo-cff.pdf",
    ] {
        let whole = std::fs::read(fixture(name)).unwrap();
        for round in 0..60 {
            let mut bytes = whole.clone();
            match round % 3 {
                0 => bytes.truncate(next(bytes.len())),
                1 => {
                    for _ in 0..=next(8) {
                        let at = next(bytes.len());
                        bytes[at] ^= 1 << next(8);
                    }
                }
                _ => {
                    let start = next(bytes.len());
                    let end = (start + next(512)).min(bytes.len());
                    for byte in &mut bytes[start..end] {
                        *byte = next(256) as u8;
                    }
                }
            }
            let outcome = std::panic::catch_unwind(|| parse::parse(&bytes).map(|_| ()));
            assert!(outcome.is_ok(), "{name}, round {round}: a panic");
            if std::path::Path::new(name)
                .extension()
                .is_some_and(|extension| extension == "pdf")
            {
                // Painting the damaged pages: a picture or an error for each, never a panic.
                let mut asked = vec![(2, 0.5), (0, 0.5)];
                let mut answers = 0;
                paratag::import::pdf::paint_pages(
                    std::sync::Arc::new(bytes),
                    || asked.pop(),
                    |_, _, _| answers += 1,
                );
                assert_eq!(answers, 2, "{name}, round {round}");
            }
        }
    }
}
