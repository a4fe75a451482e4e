//! Every string of the interface, in English and Simplified Chinese, in one place.
//!
//! A struct per language rather than keys looked up at run time: the compiler checks that both
//! languages have every string.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::annotations::Tag;
use crate::export::ExportError;
use crate::import::doc::DocError;
use crate::import::docx::DocxError;
use crate::import::odt::OdtError;
use crate::import::pdf::PdfError;
use crate::parse::{BinaryKind, DecodeError, ParseError, ReportError, ReportProblem};
use crate::storage::{NotAFile, Protected, ReadError, SaveError};
use crate::tags_file::{FORMAT_VERSION, LoadError};

/// The language of the interface (not of the report, which can be any of the six).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UiLanguage {
    #[default]
    English,
    Chinese,
}

impl UiLanguage {
    pub const ALL: [Self; 2] = [Self::English, Self::Chinese];

    /// The interface language for a system locale such as `zh-CN`, `zh_TW.UTF-8` or `en-GB`.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Self::Chinese
        } else {
            Self::English
        }
    }

    /// The system's interface language, English when it cannot be told.
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::English, |locale| Self::from_locale(&locale))
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Chinese => "简体中文",
        }
    }

    /// All strings of the interface in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::English => &ENGLISH,
            Self::Chinese => &CHINESE,
        }
    }
}

/// The interface's strings in one language.
#[derive(Debug)]
pub struct Strings {
    pub menu_file: &'static str,
    pub menu_edit: &'static str,
    pub menu_view: &'static str,
    pub menu_help: &'static str,
    pub interface_language: &'static str,
    pub challenge: &'static str,
    pub good_practice: &'static str,
    pub proposal: &'static str,
    pub tags: &'static str,
    pub note: &'static str,
    pub note_hint: &'static str,
    pub no_selection: &'static str,
    pub paragraph_prefix: &'static str,
    pub paragraph_suffix: &'static str,
    pub paragraphs: &'static str,
    pub unsaved: &'static str,
    pub no_changes: &'static str,
    pub find: &'static str,
    pub no_matches: &'static str,
    pub close: &'static str,
    pub outline: &'static str,
    pub nothing_matches_filter: &'static str,
    /// Above a filtered report: which tags, how many paragraphs of how many are shown.
    pub filter_showing: &'static str,
    pub show_all: &'static str,
    /// Between the items of a short list ("Challenge, Proposal"; "挑战、提议").
    pub list_separator: &'static str,
    pub open_anyway: &'static str,
    pub cancel: &'static str,
    pub discard_question: &'static str,
    pub discard_detail: &'static str,
    pub dismiss: &'static str,
    pub shortcut_column: &'static str,
    pub command_column: &'static str,
    pub about_text: &'static str,
    pub no_symbol: &'static str,
    pub drop_hint: &'static str,
    // Command labels.
    pub open_report: &'static str,
    pub quit: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub find_command: &'static str,
    pub find_next: &'static str,
    pub find_previous: &'static str,
    pub select_next: &'static str,
    pub select_previous: &'static str,
    pub next_tagged: &'static str,
    pub previous_tagged: &'static str,
    pub write_note: &'static str,
    pub clear_filter: &'static str,
    pub toggle_outline: &'static str,
    pub original_page: &'static str,
    /// "Page {page} of {pages}".
    pub page_of: &'static str,
    pub pages_only_pdf: &'static str,
    /// A page that cannot be painted: {page}, {reason}.
    pub page_failed: &'static str,
    pub page_painting: &'static str,
    pub page_hint: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub dark_mode: &'static str,
    pub keyboard_shortcuts: &'static str,
    pub about: &'static str,
    pub filter_prefix: &'static str,
    pub save: &'static str,
    pub export: &'static str,
    pub export_title: &'static str,
    pub format: &'static str,
    pub group_by: &'static str,
    pub by_tag: &'static str,
    pub in_document_order: &'static str,
    pub tag_order: &'static str,
    pub move_up: &'static str,
    pub trim_quotes: &'static str,
    pub characters: &'static str,
    pub citation_language: &'static str,
    pub merge_consecutive: &'static str,
    pub preview: &'static str,
    pub save_export: &'static str,
    pub copy_markdown: &'static str,
    pub copy_text: &'static str,
    pub exported_to: &'static str,
    pub copied: &'static str,
    pub save_as: &'static str,
    pub open_recent: &'static str,
    pub orphans: &'static str,
    pub orphans_detail: &'static str,
    pub close_question: &'static str,
    pub close_detail: &'static str,
    pub discard: &'static str,
    pub changed_question: &'static str,
    pub changed_detail: &'static str,
    pub overwrite: &'static str,
    pub foreign_question: &'static str,
    pub open_anyway_tags: &'static str,
    pub recovery_question: &'static str,
    pub recovery_detail: &'static str,
    pub restore: &'static str,
    pub not_saved_yet: &'static str,
    pub tags_file: &'static str,
    // Problems and notices: templates filled by `fill` ({problem}, {path}, counts).
    pub cannot_open_tags: &'static str,
    pub could_not_save: &'static str,
    pub could_not_write_recovery: &'static str,
    pub could_not_export: &'static str,
    pub could_not_write_file: &'static str,
    pub reanchored: &'static str,
    pub cannot_open_dropped_tags: &'static str,
    pub foreign_tags_taken: &'static str,
    pub no_dialog: &'static str,
    /// The kinds of file the system's file dialogs filter by.
    pub filter_reports: &'static str,
    pub filter_all_files: &'static str,
    pub filter_tags: &'static str,
    pub filter_briefing: &'static str,
    /// The built-in report's name where a file's path would be ({name}).
    pub builtin_source: &'static str,
    /// Why a briefing note cannot be made, in this language.
    pub export_problem: fn(&ExportError) -> String,
    pub open: &'static str,
    // A report that cannot be opened ({problem}, {path}, {size}, {what}).
    pub cannot_open_report: &'static str,
    pub report_too_large: &'static str,
    pub report_no_paragraphs: &'static str,
    pub report_empty: &'static str,
    pub report_not_text: &'static str,
    pub report_pdf: &'static str,
    pub report_word: &'static str,
    pub report_other_binary: &'static str,
    // A tags file that cannot be read ({line}, {column}, {message}, {found}, {paragraph}, {tag}).
    pub tags_empty: &'static str,
    pub tags_not_text: &'static str,
    pub tags_cut_short: &'static str,
    pub tags_syntax: &'static str,
    pub tags_newer: &'static str,
    pub tags_unknown_tag: &'static str,
    // Files that are not files, saves refused, notes, recovery.
    pub not_a_file: &'static str,
    pub kind_folder: &'static str,
    pub kind_pipe: &'static str,
    pub kind_device: &'static str,
    pub kind_socket: &'static str,
    pub kind_other: &'static str,
    pub too_large_to_read: &'static str,
    pub save_read_only: &'static str,
    pub save_hard_linked: &'static str,
    pub save_protected: &'static str,
    pub protected_report: &'static str,
    pub protected_tags: &'static str,
    pub save_changed_on_disk: &'static str,
    pub save_step_failed: &'static str,
    pub hard_link_question: &'static str,
    pub hard_link_detail: &'static str,
    pub save_anyway: &'static str,
    pub note_too_long: &'static str,
    pub note_shown_truncated: &'static str,
    pub recovery_several: &'static str,
    pub recovery_changed_report: &'static str,
    pub decide_later: &'static str,
    pub discard_all: &'static str,
    pub tagged_paragraphs: &'static str,
    /// A moment in words (`moment`): the same day, the day before, another day.
    pub today_at: &'static str,
    pub yesterday_at: &'static str,
    pub on_date_at: &'static str,
    pub date_this_year: &'static str,
    pub date_other_year: &'static str,
    pub months: [&'static str; 12],
    /// When a recovery copy's time cannot be read.
    pub earlier_session: &'static str,
    pub converting: &'static str,
    pub reading_pdf: &'static str,
    /// A save's step (`storage::SaveError::Io`) in this language.
    pub save_step: fn(&'static str) -> &'static str,
    /// Why a Word document cannot be read, in this language.
    /// What a binary file mistaken for a report is, in this language.
    pub binary_kind: fn(BinaryKind) -> &'static str,
    pub docx_problem: fn(&DocxError) -> String,
    /// Why an OpenDocument text cannot be read, in this language.
    pub odt_problem: fn(&OdtError) -> String,
    /// Why a PDF cannot be read, in this language.
    pub pdf_problem: fn(&PdfError) -> String,
    /// Why an old Word document cannot be converted, in this language.
    pub doc_problem: fn(&DocError) -> String,
}

impl Strings {
    /// When something happened, in `zone`, as a person says it relative to `now`: "today at
    /// 14:05", "yesterday at 09:12", "on 28 November at 17:40" ("今天 14:05", "11月28日 17:40").
    pub fn moment(
        &self,
        time: std::time::SystemTime,
        now: std::time::SystemTime,
        zone: &jiff::tz::TimeZone,
    ) -> String {
        let (Ok(time), Ok(now)) = (
            jiff::Timestamp::try_from(time),
            jiff::Timestamp::try_from(now),
        ) else {
            return self.earlier_session.to_owned();
        };
        let time = time.to_zoned(zone.clone());
        let today = now.to_zoned(zone.clone()).date();
        let clock = format!("{:02}:{:02}", time.hour(), time.minute());
        let day = time.date();
        if day == today {
            return Self::fill(self.today_at, &[("time", &clock)]);
        }
        if today.yesterday().is_ok_and(|yesterday| yesterday == day) {
            return Self::fill(self.yesterday_at, &[("time", &clock)]);
        }
        let month = usize::try_from(day.month() - 1)
            .ok()
            .and_then(|index| self.months.get(index))
            .copied()
            .unwrap_or_default();
        let template = if day.year() == today.year() {
            self.date_this_year
        } else {
            self.date_other_year
        };
        let date = Self::fill(
            template,
            &[
                ("day", &day.day()),
                ("month", &month),
                ("year", &day.year()),
            ],
        );
        Self::fill(self.on_date_at, &[("date", &date), ("time", &clock)])
    }

    /// The tag's name.
    pub fn tag(&self, tag: Tag) -> &'static str {
        match tag {
            Tag::Challenge => self.challenge,
            Tag::GoodPractice => self.good_practice,
            Tag::Proposal => self.proposal,
        }
    }

    /// "Paragraph 12" / "第12段".
    pub fn paragraph(&self, number: u32) -> String {
        format!("{}{number}{}", self.paragraph_prefix, self.paragraph_suffix)
    }

    /// A message template with its `{name}`s replaced by the values given; a name with no
    /// value stays as written.
    pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (close, value))
            });
            if let Some((close, value)) = value {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            } else {
                out.push('{');
                rest = after;
            }
        }
        out.push_str(rest);
        out
    }

    /// Why a report could not be opened, naming the file.
    pub fn report_error(&self, error: &ReportError) -> String {
        Strings::fill(
            self.cannot_open_report,
            &[
                ("problem", &self.report_problem(&error.problem)),
                ("path", &error.path.display()),
            ],
        )
    }

    /// What is wrong with a report file; the system's own words for an I/O error.
    pub fn report_problem(&self, problem: &ReportProblem) -> String {
        match problem {
            ReportProblem::Read(error) => error.to_string(),
            ReportProblem::TooLarge { size_mib } => {
                Strings::fill(self.report_too_large, &[("size", size_mib)])
            }
            ReportProblem::NotAFile(kind) => {
                Strings::fill(self.not_a_file, &[("kind", &self.file_kind(*kind))])
            }
            ReportProblem::Parse(ParseError::NoParagraphs) => self.report_no_paragraphs.to_owned(),
            ReportProblem::Parse(ParseError::Docx(error)) => (self.docx_problem)(error),
            ReportProblem::Parse(ParseError::Odt(error)) => (self.odt_problem)(error),
            ReportProblem::Parse(ParseError::Pdf(error)) => (self.pdf_problem)(error),
            ReportProblem::Parse(ParseError::Doc(error)) => (self.doc_problem)(error),
            ReportProblem::Parse(ParseError::Decode(DecodeError::Empty)) => {
                self.report_empty.to_owned()
            }
            ReportProblem::Parse(ParseError::Decode(DecodeError::Binary)) => {
                self.report_not_text.to_owned()
            }
            ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(kind))) => {
                // The advice the parser gives (`BinaryKind::hint`), for the same kinds.
                let template = match kind {
                    BinaryKind::Pdf => self.report_pdf,
                    BinaryKind::OldOffice | BinaryKind::Rtf => self.report_word,
                    _ => self.report_other_binary,
                };
                Strings::fill(template, &[("what", &(self.binary_kind)(*kind))])
            }
        }
    }

    /// What a path names when it is not a regular file.
    pub fn file_kind(&self, kind: NotAFile) -> &'static str {
        match kind {
            NotAFile::Directory => self.kind_folder,
            NotAFile::Fifo => self.kind_pipe,
            NotAFile::Device => self.kind_device,
            NotAFile::Socket => self.kind_socket,
            NotAFile::Other => self.kind_other,
        }
    }

    /// Why a file could not be read; the system's own words for an I/O error.
    pub fn read_problem(&self, error: &ReadError) -> String {
        match error {
            ReadError::NotAFile(kind) => {
                Strings::fill(self.not_a_file, &[("kind", &self.file_kind(*kind))])
            }
            ReadError::TooLarge { limit_mib } => {
                Strings::fill(self.too_large_to_read, &[("limit", limit_mib)])
            }
            ReadError::Io(error) => error.to_string(),
        }
    }

    /// Why a save (or an export) did not happen.
    pub fn save_problem(&self, error: &SaveError) -> String {
        match error {
            SaveError::ChangedOnDisk => self.save_changed_on_disk.to_owned(),
            SaveError::NotAFile(kind) => {
                Strings::fill(self.not_a_file, &[("kind", &self.file_kind(*kind))])
            }
            SaveError::ReadOnly => self.save_read_only.to_owned(),
            SaveError::HardLinked { others } => {
                Strings::fill(self.save_hard_linked, &[("others", others)])
            }
            SaveError::Protected(what) => {
                let what = match what {
                    Protected::Report => self.protected_report,
                    Protected::TagsFile => self.protected_tags,
                };
                Strings::fill(self.save_protected, &[("what", &what)])
            }
            SaveError::Io { step, source } => Strings::fill(
                self.save_step_failed,
                &[("step", &(self.save_step)(step)), ("problem", source)],
            ),
        }
    }

    /// What is wrong with a tags file (ron's own description of a syntax error stays as ron
    /// gives it).
    /// Why a tags file could not be read or understood.
    pub fn read_tags_problem(&self, error: &crate::tagged_report::ReadTagsError) -> String {
        match error {
            crate::tagged_report::ReadTagsError::Read(error) => self.read_problem(error),
            crate::tagged_report::ReadTagsError::Format(error) => self.tags_problem(error),
        }
    }

    pub fn tags_problem(&self, problem: &LoadError) -> String {
        match problem {
            LoadError::Empty => self.tags_empty.to_owned(),
            LoadError::NotText => self.tags_not_text.to_owned(),
            LoadError::CutShort { line, column } => {
                Strings::fill(self.tags_cut_short, &[("line", line), ("column", column)])
            }
            LoadError::Syntax {
                line,
                column,
                message,
            } => Strings::fill(
                self.tags_syntax,
                &[("line", line), ("column", column), ("message", message)],
            ),
            LoadError::Newer { found } => Strings::fill(
                self.tags_newer,
                &[("found", found), ("supported", &FORMAT_VERSION)],
            ),
            LoadError::UnknownTag { paragraph, tag } => Strings::fill(
                self.tags_unknown_tag,
                &[("paragraph", paragraph), ("tag", tag)],
            ),
        }
    }

    /// "Show only: Proposal" / "只显示：提议".
    pub fn filter_by(&self, tag: Tag) -> String {
        format!("{}{}", self.filter_prefix, self.tag(tag))
    }
}

/// Why a Word document cannot be read, in Chinese (the system's words for the details).
fn chinese_binary_kind(kind: BinaryKind) -> &'static str {
    match kind {
        BinaryKind::Pdf => "PDF 文件",
        BinaryKind::Png => "PNG 图片",
        BinaryKind::Jpeg => "JPEG 图片",
        BinaryKind::Gif => "GIF 图片",
        BinaryKind::Zip => "ZIP 压缩包，不是 Word 文档",
        BinaryKind::OldOffice => "旧版 Word（.doc）或 Office 文件",
        BinaryKind::Rtf => "RTF 文档",
        BinaryKind::Gzip => "gzip 压缩包",
        BinaryKind::Program => "程序",
    }
}

fn chinese_export_problem(error: &ExportError) -> String {
    match error {
        ExportError::NothingTagged => {
            "没有可导出的内容：没有段落带有所选的标签（请先标注段落）".to_owned()
        }
        ExportError::Docx(problem) => format!("无法生成 Word 文档：{problem}"),
    }
}

fn chinese_docx_problem(error: &DocxError) -> String {
    match error {
        DocxError::Package(problem) => format!("Word 文档已损坏（无法读取其 ZIP 包：{problem}）"),
        DocxError::NoBody => "Word 文档没有正文（缺少 word/document.xml）".to_owned(),
        DocxError::Xml { part, problem } => {
            format!("Word 文档已损坏（{part} 不是有效的 XML：{problem}）")
        }
        DocxError::TooLarge { part, limit_mib } => {
            format!("Word 文档的 {part} 解压后超过 {limit_mib} MiB")
        }
        DocxError::Encrypted => {
            "Word 文档已加密（受密码保护）；请另存一份不带密码的副本".to_owned()
        }
    }
}

/// Why an OpenDocument text cannot be read, in Chinese.
fn chinese_odt_problem(error: &OdtError) -> String {
    match error {
        OdtError::Package(problem) => {
            format!("OpenDocument 文件已损坏（无法读取其 ZIP 包：{problem}）")
        }
        OdtError::NoBody => "OpenDocument 文件没有正文（缺少 content.xml）".to_owned(),
        OdtError::Xml { part, problem } => {
            format!("OpenDocument 文件已损坏（{part} 不是有效的 XML：{problem}）")
        }
        OdtError::TooLarge { part, limit_mib } => {
            format!("OpenDocument 文件的 {part} 解压后超过 {limit_mib} MiB")
        }
        OdtError::Encrypted => {
            "OpenDocument 文件已加密（受密码保护）；请另存一份不带密码的副本".to_owned()
        }
    }
}

/// Why an old Word document cannot be converted, in Chinese.
fn chinese_doc_problem(error: &DocError) -> String {
    match error {
        DocError::NoConverter => {
            "这是旧版 Word 文档（.doc）；paratag 用 LibreOffice 转换它，但本机未安装 \
                                  LibreOffice：请安装 LibreOffice，或在 Word 中将文件另存为 .docx"
                .to_owned()
        }
        DocError::Failed(said) => format!("LibreOffice 无法转换此旧版 Word 文档（.doc）：{said}"),
        DocError::TimedOut => format!(
            "LibreOffice 转换此旧版 Word 文档（.doc）超过了 {} 秒",
            crate::import::doc::TIMEOUT.as_secs()
        ),
    }
}

/// Why a PDF cannot be read, in Chinese.
fn chinese_pdf_problem(error: &PdfError) -> String {
    match error {
        PdfError::Damaged => "PDF 文件已损坏，无法读取".to_owned(),
        PdfError::Encrypted => "PDF 文件受密码保护；请另存一份不带密码的副本".to_owned(),
        PdfError::NoText { pages } => format!(
            "PDF 中没有可读取的文本（{pages} 页图像：没有文本层的扫描件）；paratag 不识别图像中的文字"
        ),
    }
}

/// The steps of a save (`storage::SaveError::Io`) as the storage module names them.
fn english_step(step: &'static str) -> &'static str {
    step
}

/// The steps of a save (`storage::SaveError::Io`) in Chinese.
fn chinese_step(step: &'static str) -> &'static str {
    match step {
        "read the file before saving" => "在保存前读取文件",
        "keep the previous version as .bak" => "将上一版本保留为 .bak",
        "write the file" => "写入文件",
        "look at the file before saving" => "在保存前检查文件",
        "follow the link to the file" => "沿链接找到文件",
        other => other,
    }
}

static ENGLISH: Strings = Strings {
    menu_file: "File",
    menu_edit: "Edit",
    menu_view: "View",
    menu_help: "Help",
    interface_language: "Interface language",
    challenge: "Challenge",
    good_practice: "Good practice",
    proposal: "Proposal",
    tags: "Tags",
    note: "Note",
    note_hint: "Your note for the briefing (press Enter in the report to start, Esc to leave)",
    no_selection: "Select a paragraph to tag it: click it, or use ↓ / ↑ (j / k).",
    paragraph_prefix: "Paragraph ",
    paragraph_suffix: "",
    paragraphs: "paragraphs",
    unsaved: "Unsaved changes",
    no_changes: "No changes",
    find: "Find",
    no_matches: "No matches",
    close: "Close",
    outline: "Outline",
    nothing_matches_filter: "No paragraph carries the chosen tags.",
    filter_showing: "Filtered: only paragraphs tagged {tags} — {shown} of {total} shown.",
    show_all: "Show all",
    list_separator: ", ",
    open_anyway: "Open anyway",
    cancel: "Cancel",
    discard_question: "Open another report?",
    discard_detail: "The tags and notes you made in this report are not saved and will be lost.",
    dismiss: "Dismiss",
    shortcut_column: "Shortcut",
    command_column: "Command",
    about_text: "paratag reads United Nations reports and tags their numbered paragraphs \
                 as challenges, good practices and proposals for a briefing note.",
    no_symbol: "(no symbol)",
    drop_hint: "Drop a report here to open it",
    open_report: "Open report…",
    quit: "Quit",
    undo: "Undo",
    redo: "Redo",
    find_command: "Find…",
    find_next: "Find next",
    find_previous: "Find previous",
    select_next: "Next paragraph",
    select_previous: "Previous paragraph",
    next_tagged: "Next tagged paragraph",
    previous_tagged: "Previous tagged paragraph",
    write_note: "Write a note",
    clear_filter: "Show all paragraphs",
    toggle_outline: "Outline",
    original_page: "Original page",
    page_of: "Page {page} of {pages}",
    pages_only_pdf: "The original page can be shown for reports opened from a PDF; this report has no printed pages.",
    page_failed: "Page {page} cannot be shown: {reason}.",
    page_painting: "Drawing the page…",
    page_hint: "Click a paragraph on the page to select it.",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_reset: "Actual size",
    dark_mode: "Dark mode",
    keyboard_shortcuts: "Keyboard shortcuts",
    about: "About paratag",
    filter_prefix: "Show only: ",
    save: "Save",
    export: "Export briefing note…",
    export_title: "Export briefing note",
    format: "Format",
    group_by: "Group",
    by_tag: "By tag",
    in_document_order: "In document order",
    tag_order: "Tag order",
    move_up: "Move up",
    trim_quotes: "Trim quotes to",
    characters: "characters",
    citation_language: "Citations and labels",
    merge_consecutive: "Cite consecutive paragraphs together (paras. 12–14)",
    preview: "Preview",
    save_export: "Save…",
    copy_markdown: "Copy as Markdown",
    copy_text: "Copy as text",
    exported_to: "Briefing note saved",
    copied: "Briefing note copied to the clipboard",
    save_as: "Save as…",
    open_recent: "Open recent",
    orphans: "Tags that could not be placed",
    orphans_detail: "These tags were made on another text of the report and match no paragraph here. They are kept and saved with the file.",
    close_question: "Save the tags before closing?",
    close_detail: "Your tags and notes have unsaved changes.",
    discard: "Don't save",
    changed_question: "The tags file was changed by another program",
    changed_detail: "Saving now would overwrite those changes. Save your tags to another file, or overwrite?",
    overwrite: "Overwrite",
    foreign_question: "These tags are for another document",
    open_anyway_tags: "Open them anyway",
    recovery_question: "Restore unsaved tags?",
    recovery_detail: "paratag did not close cleanly last time. A recovery copy holds tagged paragraphs you had not saved:",
    restore: "Restore",
    not_saved_yet: "no tags file yet",
    tags_file: "Tags file",
    cannot_open_tags: "Cannot open the tags file: {problem}. It has not been changed, and paratag \
                       will not write over it (Save asks for another place) — {path}",
    could_not_save: "Could not save the tags: {problem}. They are still here, unsaved; use Save \
                     As to save them elsewhere — {path}",
    could_not_write_recovery: "Could not write the recovery copy ({problem}); save your tags \
                               soon — {path}",
    could_not_export: "Could not export the briefing note: {problem} — {path}",
    could_not_write_file: "could not write the file: {problem}",
    reanchored: "The report's text differs from the one these tags were made on: {exact} \
                 anchored exactly, {moved} moved, {fuzzy} matched fuzzily, {orphans} orphaned \
                 (kept in the tag panel).",
    cannot_open_dropped_tags: "Cannot open the tags file: {problem}. The tags on screen are as \
                               they were — {path}",
    foreign_tags_taken: "The tags of {theirs} are now on this report. Save asks where to keep \
                         them, so the other report's file stays as it is — {path}",
    no_dialog: "This desktop has no file dialog of its own (neither the XDG desktop portal nor \
                zenity), so paratag shows its own. Install zenity to use the desktop's.",
    filter_reports: "Reports and tags",
    filter_all_files: "All files",
    filter_tags: "paratag tags",
    filter_briefing: "Briefing note",
    builtin_source: "{name} (built-in)",
    export_problem: ExportError::to_string,
    open: "Open",
    cannot_open_report: "Cannot open the report: {problem} — {path}",
    report_too_large: "the file is {size} MiB, too large to be a report",
    report_no_paragraphs: "no numbered paragraphs were found (UN reports number them `1.`, `2.` …)",
    report_empty: "the file is empty",
    report_not_text: "this is not a text file (it holds binary data)",
    report_pdf: "this is {what}, not text; extract its text first (for example with `pdftotext \
                 -layout`)",
    report_word: "this is {what}, not text; open it in Word or LibreOffice and save it as a Word \
                  document (.docx) first",
    report_other_binary: "this is {what}, not text; open the report's text instead",
    tags_empty: "the file is empty",
    tags_not_text: "the file is not text (UTF-8)",
    tags_cut_short: "line {line}, column {column}: the file ends in the middle of a character \
                     (was it cut short?)",
    tags_syntax: "line {line}, column {column}: {message}",
    tags_newer: "it was written by a newer paratag (format {found}; this one reads up to \
                 {supported}); update paratag to open it",
    tags_unknown_tag: "unknown tag `{tag}` on paragraph {paragraph}",
    not_a_file: "it is {kind}, not a file",
    kind_folder: "a folder",
    kind_pipe: "a named pipe",
    kind_device: "a device",
    kind_socket: "a socket",
    kind_other: "something other than a file",
    too_large_to_read: "the file is more than {limit} MiB, too large to read",
    save_read_only: "the file is read-only",
    save_hard_linked: "the file has {others} other name(s) (hard links); saving would give it a new copy and leave them with the old one",
    save_protected: "it is {what}, which must not be written over",
    protected_report: "the report itself",
    protected_tags: "a paratag tags file",
    save_changed_on_disk: "the file was changed by another program since paratag opened it",
    save_step_failed: "could not {step}: {problem}",
    hard_link_question: "Replace a file that has other names?",
    hard_link_detail: "This tags file is also reachable under other names (hard links). Saving writes a new file under this name; the other names keep the previous version.",
    save_anyway: "Save anyway",
    note_too_long: "A note holds at most {max} characters; what went past that was not added.",
    note_shown_truncated: "This note is longer than {max} characters: the first {max} are shown and it cannot be edited here, but it is kept and saved whole.",
    recovery_several: "Several windows did not close cleanly; each left a recovery copy. Restore one (the others stay for later), or discard them all:",
    recovery_changed_report: "The report has changed since; the tags are re-anchored, and those that match nowhere are kept as orphans.",
    decide_later: "Decide later",
    discard_all: "Discard all",
    tagged_paragraphs: "{count} tagged paragraphs, {when}",
    today_at: "today at {time}",
    yesterday_at: "yesterday at {time}",
    on_date_at: "on {date} at {time}",
    date_this_year: "{day} {month}",
    date_other_year: "{day} {month} {year}",
    months: crate::export::ENGLISH_MONTHS,
    earlier_session: "in an earlier session",
    converting: "Converting the old Word document with LibreOffice… — {file}",
    reading_pdf: "Reading the PDF… — {file}",
    save_step: english_step,
    binary_kind: BinaryKind::describe,
    docx_problem: DocxError::to_string,
    odt_problem: OdtError::to_string,
    pdf_problem: PdfError::to_string,
    doc_problem: DocError::to_string,
};

static CHINESE: Strings = Strings {
    menu_file: "文件",
    menu_edit: "编辑",
    menu_view: "视图",
    menu_help: "帮助",
    interface_language: "界面语言",
    challenge: "挑战",
    good_practice: "良好做法",
    proposal: "提议",
    tags: "标签",
    note: "备注",
    note_hint: "为简报写的备注（在报告中按 Enter 开始，Esc 离开）",
    no_selection: "选择一个段落来加标签：单击段落，或使用 ↓ / ↑（j / k）。",
    paragraph_prefix: "第",
    paragraph_suffix: "段",
    paragraphs: "个段落",
    unsaved: "有未保存的更改",
    no_changes: "没有更改",
    find: "查找",
    no_matches: "没有匹配项",
    close: "关闭",
    outline: "大纲",
    nothing_matches_filter: "没有段落带有所选标签。",
    filter_showing: "已筛选：仅显示标为{tags}的段落（共 {total} 段，显示 {shown} 段）。",
    show_all: "显示全部",
    list_separator: "、",
    open_anyway: "仍然打开",
    cancel: "取消",
    discard_question: "打开另一份报告？",
    discard_detail: "您在本报告中添加的标签和备注尚未保存，将会丢失。",
    dismiss: "知道了",
    shortcut_column: "快捷键",
    command_column: "命令",
    about_text: "paratag 用于阅读联合国报告，并将其编号段落标注为挑战、良好做法和提议，以便撰写简报。",
    no_symbol: "（无文号）",
    drop_hint: "将报告拖到此处即可打开",
    open_report: "打开报告…",
    quit: "退出",
    undo: "撤销",
    redo: "重做",
    find_command: "查找…",
    find_next: "查找下一个",
    find_previous: "查找上一个",
    select_next: "下一段",
    select_previous: "上一段",
    next_tagged: "下一个带标签的段落",
    previous_tagged: "上一个带标签的段落",
    write_note: "写备注",
    clear_filter: "显示所有段落",
    toggle_outline: "大纲",
    original_page: "原文页面",
    page_of: "第{page}页，共{pages}页",
    pages_only_pdf: "只有从 PDF 打开的报告才能显示原文页面；此报告没有印刷页面。",
    page_failed: "第{page}页无法显示：{reason}。",
    page_painting: "正在绘制页面……",
    page_hint: "点击页面上的段落即可选中该段。",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_reset: "实际大小",
    dark_mode: "深色模式",
    keyboard_shortcuts: "键盘快捷键",
    about: "关于 paratag",
    filter_prefix: "只显示：",
    save: "保存",
    export: "导出简报…",
    export_title: "导出简报",
    format: "格式",
    group_by: "分组",
    by_tag: "按标签",
    in_document_order: "按文件顺序",
    tag_order: "标签顺序",
    move_up: "上移",
    trim_quotes: "引文截取至",
    characters: "字",
    citation_language: "引用和标签语言",
    merge_consecutive: "连续段落合并引用（第12至14段）",
    preview: "预览",
    save_export: "保存…",
    copy_markdown: "复制为 Markdown",
    copy_text: "复制为纯文本",
    exported_to: "简报已保存",
    copied: "简报已复制到剪贴板",
    save_as: "另存为…",
    open_recent: "最近打开",
    orphans: "无法定位的标签",
    orphans_detail: "这些标签是在报告的另一文本上添加的，在此找不到对应段落。它们会被保留并随文件一起保存。",
    close_question: "关闭前保存标签吗？",
    close_detail: "您的标签和备注有未保存的更改。",
    discard: "不保存",
    changed_question: "标签文件已被其他程序修改",
    changed_detail: "现在保存会覆盖这些修改。将标签另存为其他文件，还是覆盖？",
    overwrite: "覆盖",
    foreign_question: "这些标签属于另一份文件",
    open_anyway_tags: "仍然打开",
    recovery_question: "恢复未保存的标签？",
    recovery_detail: "paratag 上次未正常关闭。恢复副本中有您尚未保存的已标注段落：",
    restore: "恢复",
    not_saved_yet: "尚无标签文件",
    tags_file: "标签文件",
    cannot_open_tags: "无法打开标签文件：{problem}。该文件未被改动，paratag 也不会覆盖它（保存时会询问另存位置）— {path}",
    could_not_save: "无法保存标签：{problem}。标签仍在，尚未保存；请用“另存为”保存到别处 — {path}",
    could_not_write_recovery: "无法写入恢复副本（{problem}）；请尽快保存标签 — {path}",
    could_not_export: "无法导出简报：{problem} — {path}",
    could_not_write_file: "无法写入文件：{problem}",
    reanchored: "报告文本与制作这些标签时的文本不同：{exact} 条精确定位，{moved} 条已移动，{fuzzy} 条模糊匹配，{orphans} 条无法定位（保留在标签面板中）。",
    cannot_open_dropped_tags: "无法打开标签文件：{problem}。屏幕上的标签保持不变 — {path}",
    foreign_tags_taken: "{theirs} 的标签已用于本报告。保存时会询问保存位置，另一报告的文件保持不变 — {path}",
    no_dialog: "此桌面没有自带的文件对话框（既没有 XDG 桌面门户，也没有 zenity），因此使用 paratag 自己的文件对话框。安装 zenity 即可使用桌面的对话框。",
    filter_reports: "报告和标签文件",
    filter_all_files: "所有文件",
    filter_tags: "paratag 标签文件",
    filter_briefing: "简报",
    builtin_source: "{name}（内置报告）",
    export_problem: chinese_export_problem,
    open: "打开",
    cannot_open_report: "无法打开报告：{problem} — {path}",
    report_too_large: "文件大小为 {size} MiB，太大，不可能是一份报告",
    report_no_paragraphs: "未找到编号段落（联合国报告的段落编号为“1.”“2.”……）",
    report_empty: "文件是空的",
    report_not_text: "这不是文本文件（其中是二进制数据）",
    report_pdf: "这是 PDF 文件，不是文本；请先提取其文本（例如用 `pdftotext -layout`）",
    report_word: "这是旧版 Word 或 RTF 文档，不是文本；请先在 Word 或 LibreOffice 中将其另存为 Word 文档（.docx）",
    report_other_binary: "这不是文本（{what}）；请改为打开报告的文本",
    tags_empty: "文件是空的",
    tags_not_text: "文件不是文本（UTF-8）",
    tags_cut_short: "第 {line} 行第 {column} 列：文件在一个字符中间结束（是否被截断了？）",
    tags_syntax: "第 {line} 行第 {column} 列：{message}",
    tags_newer: "它由较新版本的 paratag 写成（格式 {found}；本版本最高读取格式 {supported}）；请更新 paratag 后再打开",
    tags_unknown_tag: "第 {paragraph} 段有未知标签“{tag}”",
    not_a_file: "它是{kind}，不是文件",
    kind_folder: "文件夹",
    kind_pipe: "命名管道",
    kind_device: "设备",
    kind_socket: "套接字",
    kind_other: "特殊对象",
    too_large_to_read: "文件超过 {limit} MiB，太大，无法读取",
    save_read_only: "文件是只读的",
    save_hard_linked: "该文件还有 {others} 个其他名称（硬链接）；保存会为它建立新副本，而其他名称仍指向旧版本",
    save_protected: "它是{what}，不能被覆盖",
    protected_report: "报告本身",
    protected_tags: "paratag 标签文件",
    save_changed_on_disk: "自 paratag 打开以来，该文件已被其他程序修改",
    save_step_failed: "无法{step}：{problem}",
    hard_link_question: "替换一个有其他名称的文件？",
    hard_link_detail: "此标签文件还可通过其他名称（硬链接）访问。保存会以此名称写入新文件；其他名称仍保留之前的版本。",
    save_anyway: "仍然保存",
    note_too_long: "一条备注最多 {max} 个字符；超出的部分未被加入。",
    note_shown_truncated: "此备注超过 {max} 个字符：只显示前 {max} 个，且不能在此编辑，但会完整保留并保存。",
    recovery_several: "有多个窗口未正常关闭，各自留下了恢复副本。请恢复其中一份（其余的留待以后），或全部丢弃：",
    recovery_changed_report: "报告此后已有改动；标签会重新定位，找不到位置的作为孤立标签保留。",
    decide_later: "以后再说",
    discard_all: "全部丢弃",
    tagged_paragraphs: "{count} 个已标注段落，{when}",
    today_at: "今天 {time}",
    yesterday_at: "昨天 {time}",
    on_date_at: "{date} {time}",
    date_this_year: "{month}{day}日",
    date_other_year: "{year}年{month}{day}日",
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    earlier_session: "之前的某次会话",
    converting: "正在用 LibreOffice 转换旧版 Word 文档…… — {file}",
    reading_pdf: "正在读取 PDF…… — {file}",
    save_step: chinese_step,
    binary_kind: chinese_binary_kind,
    docx_problem: chinese_docx_problem,
    odt_problem: chinese_odt_problem,
    pdf_problem: chinese_pdf_problem,
    doc_problem: chinese_doc_problem,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_said_in_local_time_and_in_words() {
        use std::time::{Duration, SystemTime};
        // 2 December 2026, 09:30 UTC; Beijing is eight hours ahead.
        let now = SystemTime::UNIX_EPOCH + Duration::from_mins(29_936_730);
        let beijing = jiff::tz::TimeZone::fixed(jiff::tz::offset(8));
        let hours = Duration::from_hours;
        let english = UiLanguage::English.strings();
        let chinese = UiLanguage::Chinese.strings();
        assert_eq!(
            english.moment(now - hours(1), now, &beijing),
            "today at 16:30"
        );
        // 20:30 the day before in Beijing (still 2 December in UTC).
        assert_eq!(
            english.moment(now - hours(21), now, &beijing),
            "yesterday at 20:30"
        );
        assert_eq!(chinese.moment(now - hours(21), now, &beijing), "昨天 20:30");
        assert_eq!(
            english.moment(now - hours(24 * 4), now, &jiff::tz::TimeZone::UTC),
            "on 28 November at 09:30"
        );
        assert_eq!(
            chinese.moment(now - hours(24 * 4), now, &beijing),
            "11月28日 17:30"
        );
        assert_eq!(
            english.moment(now - hours(24 * 365), now, &beijing),
            "on 2 December 2025 at 17:30"
        );
        assert_eq!(
            chinese.moment(now - hours(24 * 365), now, &beijing),
            "2025年12月2日 17:30"
        );
    }

    #[test]
    fn locale_picks_the_interface_language() {
        assert_eq!(UiLanguage::from_locale("zh-CN"), UiLanguage::Chinese);
        assert_eq!(UiLanguage::from_locale("zh_TW.UTF-8"), UiLanguage::Chinese);
        assert_eq!(UiLanguage::from_locale("en-GB"), UiLanguage::English);
        assert_eq!(UiLanguage::from_locale("fr_FR"), UiLanguage::English);
    }

    #[test]
    fn messages_fill_their_values_and_both_languages_name_the_same_ones() {
        let english = UiLanguage::English.strings();
        let filled = Strings::fill(
            english.could_not_save,
            &[("problem", &"disk full"), ("path", &"/tmp/a {b}.ron")],
        );
        assert_eq!(
            filled,
            "Could not save the tags: disk full. They are still here, unsaved; use Save As to \
             save them elsewhere — /tmp/a {b}.ron"
        );
        assert_eq!(Strings::fill("{unknown} {", &[]), "{unknown} {");

        let names = |template: &str| {
            let mut names: Vec<String> = template
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        let chinese = UiLanguage::Chinese.strings();
        for (en, zh) in [
            (english.cannot_open_tags, chinese.cannot_open_tags),
            (english.could_not_save, chinese.could_not_save),
            (
                english.could_not_write_recovery,
                chinese.could_not_write_recovery,
            ),
            (english.could_not_export, chinese.could_not_export),
            (english.could_not_write_file, chinese.could_not_write_file),
            (english.reanchored, chinese.reanchored),
            (
                english.cannot_open_dropped_tags,
                chinese.cannot_open_dropped_tags,
            ),
            (english.foreign_tags_taken, chinese.foreign_tags_taken),
            (english.builtin_source, chinese.builtin_source),
            (english.filter_showing, chinese.filter_showing),
            (english.cannot_open_report, chinese.cannot_open_report),
            (english.report_too_large, chinese.report_too_large),
            (english.report_other_binary, chinese.report_other_binary),
            (english.tags_cut_short, chinese.tags_cut_short),
            (english.tags_syntax, chinese.tags_syntax),
            (english.tags_newer, chinese.tags_newer),
            (english.tags_unknown_tag, chinese.tags_unknown_tag),
            (english.not_a_file, chinese.not_a_file),
            (english.too_large_to_read, chinese.too_large_to_read),
            (english.save_hard_linked, chinese.save_hard_linked),
            (english.save_protected, chinese.save_protected),
            (english.save_step_failed, chinese.save_step_failed),
            (english.note_too_long, chinese.note_too_long),
            (english.note_shown_truncated, chinese.note_shown_truncated),
            (english.tagged_paragraphs, chinese.tagged_paragraphs),
            (english.converting, chinese.converting),
            (english.reading_pdf, chinese.reading_pdf),
            (english.page_of, chinese.page_of),
            (english.page_failed, chinese.page_failed),
        ] {
            assert!(!names(en).is_empty(), "{en}");
            assert_eq!(names(en), names(zh), "{en} / {zh}");
        }
        // The Chinese names these formats itself rather than quoting the English name.
        for (en, zh) in [
            (english.report_pdf, chinese.report_pdf),
            (english.report_word, chinese.report_word),
        ] {
            assert_eq!(names(en), ["what"], "{en}");
            assert!(names(zh).is_empty(), "{zh}");
        }
    }

    /// The window's English is the parser's own, word for word (the CLI prints the parser's);
    /// the Chinese says the same in Chinese.
    #[test]
    fn report_problems_in_both_languages() {
        let problems = [
            ReportProblem::TooLarge { size_mib: 300 },
            ReportProblem::Parse(ParseError::NoParagraphs),
            ReportProblem::Parse(ParseError::Decode(DecodeError::Empty)),
            ReportProblem::Parse(ParseError::Decode(DecodeError::Binary)),
            ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
                BinaryKind::Pdf,
            ))),
            ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
                BinaryKind::Rtf,
            ))),
            ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
                BinaryKind::Png,
            ))),
            ReportProblem::Read(std::io::Error::from(std::io::ErrorKind::NotFound)),
            ReportProblem::NotAFile(crate::storage::NotAFile::Fifo),
            ReportProblem::Parse(ParseError::Docx(DocxError::Encrypted)),
            ReportProblem::Parse(ParseError::Pdf(PdfError::NoText { pages: 3 })),
            ReportProblem::Parse(ParseError::Doc(DocError::NoConverter)),
            ReportProblem::Parse(ParseError::Docx(DocxError::Package("bad".to_owned()))),
            ReportProblem::Parse(ParseError::Odt(OdtError::NoBody)),
        ];
        let english = UiLanguage::English.strings();
        let chinese = UiLanguage::Chinese.strings();
        for problem in problems {
            assert_eq!(english.report_problem(&problem), problem.to_string());
            let error = ReportError {
                path: "/tmp/report.pdf".into(),
                problem,
            };
            assert_eq!(english.report_error(&error), error.to_string());
            let zh = chinese.report_error(&error);
            assert!(zh.starts_with("无法打开报告："), "{zh}");
            assert!(zh.ends_with("/tmp/report.pdf"), "{zh}");
        }
        let pdf = ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
            BinaryKind::Pdf,
        )));
        assert!(chinese.report_problem(&pdf).contains("pdftotext"));
        // The Chinese names the format in Chinese, never in the parser's English.
        let png = ReportProblem::Parse(ParseError::Decode(DecodeError::KnownBinary(
            BinaryKind::Png,
        )));
        let zh = chinese.report_problem(&png);
        assert!(zh.contains("PNG 图片") && !zh.contains("image"), "{zh}");
    }

    /// The same for a tags file that cannot be read.
    #[test]
    fn tags_problems_in_both_languages() {
        let problems = [
            LoadError::Empty,
            LoadError::NotText,
            LoadError::CutShort { line: 3, column: 7 },
            LoadError::Syntax {
                line: 2,
                column: 5,
                message: "Expected closing `)`".to_owned(),
            },
            LoadError::Newer { found: 2 },
            LoadError::UnknownTag {
                paragraph: 12,
                tag: "urgent".to_owned(),
            },
        ];
        let english = UiLanguage::English.strings();
        let chinese = UiLanguage::Chinese.strings();
        for problem in &problems {
            assert_eq!(english.tags_problem(problem), problem.to_string());
            let zh = chinese.tags_problem(problem);
            assert!(!zh.contains('{'), "{zh}");
            assert!(zh.chars().any(crate::parse::is_cjk), "{zh}");
        }
        assert_eq!(
            chinese.tags_problem(&problems[5]),
            "第 12 段有未知标签“urgent”"
        );
    }

    #[test]
    fn paragraph_names() {
        assert_eq!(UiLanguage::English.strings().paragraph(12), "Paragraph 12");
        assert_eq!(UiLanguage::Chinese.strings().paragraph(12), "第12段");
    }
}
