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
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, enum_iterator::Sequence,
)]
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
            Self::English => &en::ENGLISH,
            Self::Chinese => &zh::CHINESE,
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
    pub cancel: &'static str,
    /// Closing one report with unsaved tags: `{name}` is its file.
    pub close_report_question: &'static str,
    /// Closing the window with unsaved tags in several reports: `{names}` lists them.
    pub close_several: &'static str,
    pub close_report: &'static str,
    pub next_report: &'static str,
    pub previous_report: &'static str,
    /// A tab's close button, for `{name}`.
    pub close_named: &'static str,
    /// The Export dialog: the open reports the note quotes; the one on screen.
    pub open_reports_in_note: &'static str,
    /// The Export dialog with several reports open: the reports added that are not open.
    pub other_reports_in_note: &'static str,
    pub save_briefing: &'static str,
    pub merge_tags: &'static str,
    /// View ▸ Tags by ▸ Everyone / a person.
    pub filter_person: &'static str,
    pub everyone: &'static str,
    /// Above a report filtered by person: `{name}`, `{tags}` (may be empty), `{shown}`,
    /// `{total}`.
    pub filter_person_showing: &'static str,
    /// The tags of a person filter, after the name: `{tags}`.
    pub filter_person_tags: &'static str,
    /// The Export dialog: name who wrote each note.
    pub name_note_writers: &'static str,
    /// `{file}`, `{what}`: the counts of [`Self::merge_summary`].
    pub merged: &'static str,
    pub merged_nothing: &'static str,
    /// Each count of a merge, singular and plural, `{n}` the number: paragraphs added, updated,
    /// untagged, given tags, notes joined, conflicts, annotations kept unplaced.
    pub merge_counts: [(&'static str, &'static str); 7],
    /// `{problem}`, `{path}`.
    pub cannot_merge: &'static str,
    /// `{theirs}`: the other report.
    pub merge_foreign: &'static str,
    pub conflict_title: &'static str,
    pub conflict_detail: &'static str,
    pub conflict_keep: &'static str,
    pub conflict_take: &'static str,
    pub conflict_keep_all: &'static str,
    /// A colleague's annotation: `{name}`.
    pub tagged_by: &'static str,
    pub tagged_by_you: &'static str,
    pub your_name: &'static str,
    pub your_name_detail: &'static str,
    pub by_report_then_tag: &'static str,
    pub filter_briefing_file: &'static str,
    /// A briefing file saved: `{path}`.
    pub briefing_saved: &'static str,
    /// `{problem}`, `{path}`.
    pub could_not_save_briefing: &'static str,
    pub briefing_needs_files: &'static str,
    /// `{problem}`, `{path}`.
    pub cannot_open_briefing: &'static str,
    /// `{opened}` of `{total}` reports opened before a question.
    pub briefing_paused: &'static str,
    /// The tag panel: what the excerpt quotes when the paragraph has sub-paragraphs.
    pub quote_part: &'static str,
    pub whole_paragraph: &'static str,
    pub next_part: &'static str,
    pub no_parts: &'static str,
    pub on_screen: &'static str,
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
    /// The PDF's paper, and its two sizes.
    pub paper: &'static str,
    /// Several reports in one note: the Export dialog's list and its problems.
    pub add_report_to_note: &'static str,
    pub reports_in_note: &'static str,
    pub this_report: &'static str,
    pub remove: &'static str,
    /// `{path}`, `{problem}`.
    pub cannot_add_report: &'static str,
    pub no_tags_yet: &'static str,
    /// `{theirs}`.
    pub tags_for_another: &'static str,
    pub already_in_note: &'static str,
    pub paper_a4: &'static str,
    /// Suggested tags (issue 20). `{tag}`; `{count}`, `{paragraphs}`; `{language}`.
    pub suggest_tags: &'static str,
    pub next_suggestion: &'static str,
    pub accept_suggested: &'static str,
    pub dismiss_suggested: &'static str,
    pub accept_all_suggested: &'static str,
    pub suggested_heading: &'static str,
    pub accept: &'static str,
    /// A suggestion's button (not a notice's: "知道了" would say "noted").
    pub dismiss_suggestion: &'static str,
    pub suggested_notice: &'static str,
    pub no_cues: &'static str,
    pub no_more_suggestions: &'static str,
    /// `{problem}`, `{path}`.
    pub cannot_read_cues: &'static str,
    /// Two language versions side by side (issue 18).
    pub parallel_version: &'static str,
    pub close_parallel: &'static str,
    pub swap_versions: &'static str,
    /// `{path}`, `{problem}`.
    pub cannot_open_parallel: &'static str,
    pub parallel_is_tags: &'static str,
    pub no_parallel: &'static str,
    pub only_in_other: &'static str,
    pub quote_parallel: &'static str,
    /// `{numbers}`.
    pub parallel_left_out: &'static str,
    /// The other version in the status bar: `{name}`, its language's code.
    pub parallel_status: &'static str,
    /// How the two versions differ: `{left}`, `{right}` (symbols), `{numbers}`.
    pub version_other_document: &'static str,
    pub version_other_issue: &'static str,
    pub version_no_symbol: &'static str,
    pub version_only_other: &'static str,
    pub version_lacks: &'static str,
    pub paper_letter: &'static str,
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
    /// A save stopped because the text about to be written did not read back the same.
    pub tags_read_back: &'static str,
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
    /// How two language versions differ as versions of one report, in a sentence.
    pub fn version_difference(&self, difference: &crate::parallel::Difference) -> String {
        use crate::parallel::Difference;
        let numbers = |numbers: &[u32]| {
            numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(self.list_separator)
        };
        match difference {
            Difference::OtherDocument { left, right } => Self::fill(
                self.version_other_document,
                &[("left", left), ("right", right)],
            ),
            Difference::OtherIssue { left, right } => Self::fill(
                self.version_other_issue,
                &[("left", left), ("right", right)],
            ),
            Difference::NoSymbol => self.version_no_symbol.to_owned(),
            Difference::MissingOnLeft(missing) => {
                Self::fill(self.version_only_other, &[("numbers", &numbers(missing))])
            }
            Difference::MissingOnRight(missing) => {
                Self::fill(self.version_lacks, &[("numbers", &numbers(missing))])
            }
        }
    }

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
    /// A message for a tags file that cannot be used, naming the file last.
    pub fn cannot_open_tags_file(
        &self,
        path: &std::path::Path,
        problem: &dyn std::fmt::Display,
    ) -> String {
        Self::fill(
            self.cannot_open_tags,
            &[("problem", problem), ("path", &path.display())],
        )
    }

    /// Why a tags file could not be read or understood.
    /// What a merge did: "Merged ana.tags.ron: 12 paragraphs added, 3 notes joined, 1
    /// conflict." (the counts that are not zero).
    pub fn merge_summary(&self, file: &str, report: &crate::merge::MergeReport) -> String {
        let counts = [
            report.added,
            report.updated,
            report.removed,
            report.tags_merged,
            report.notes_merged,
            report.conflicts,
            report.orphans,
        ];
        let what: Vec<String> = counts
            .iter()
            .zip(self.merge_counts)
            .filter(|(count, _)| **count > 0)
            .map(|(count, (one, many))| {
                let template = if *count == 1 { one } else { many };
                Self::fill(template, &[("n", count)])
            })
            .collect();
        if what.is_empty() {
            return Self::fill(self.merged_nothing, &[("file", &file)]);
        }
        Self::fill(
            self.merged,
            &[("file", &file), ("what", &what.join(self.list_separator))],
        )
    }

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

mod en;
mod zh;

#[cfg(test)]
mod tests;
