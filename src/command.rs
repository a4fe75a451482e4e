//! Every user action is a [`Command`]. Menus, buttons, tooltips, the shortcuts window and the
//! keyboard all read one definition of its label and shortcuts, as in rerun's `UICommand`.
//! What the panels tell the app that carries data — a paragraph clicked, a note typed, a path
//! picked, a question answered — is a [`Message`], as rerun keeps system commands apart from
//! UI commands. The panels push messages; the app applies them, the one place state changes.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::annotations::{ParagraphIndex, Tag};
use crate::i18n::{Strings, UiLanguage};

/// A user action, applied in one place ([`crate::app::ParatagApp::apply`]). No command carries
/// data beyond a choice among a few (a tag, an interface language): what carries data is a
/// [`Message`]. Every command is iterated ([`Command::all`], in this order, which is the
/// menus' and the shortcuts window's): the keyboard binds the shortcuts of all of them, so a
/// command cannot have a shortcut that never fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, enum_iterator::Sequence)]
#[must_use]
pub enum Command {
    OpenReport,
    Save,
    SaveAs,
    /// Ask for a colleague's tags file and merge it into the report's tags (one undoable step).
    MergeTags,
    /// Close the report on screen (the other open reports stay).
    CloseReport,
    /// Show the next, or the previous, open report.
    NextReport,
    PreviousReport,
    /// Open the Export dialog.
    Export,
    /// Ask where to save a briefing file: the open reports, their tags files and the note's
    /// choices, to make the same note again.
    SaveBriefing,
    Quit,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrevious,
    SelectNext,
    SelectPrevious,
    NextTagged,
    PreviousTagged,
    WriteNote,
    ToggleTag(Tag),
    /// Show the tags the report's wording suggests (or hide them).
    SuggestTags,
    /// Select the next paragraph with an open suggestion.
    NextSuggested,
    /// Accept, or dismiss, the selected paragraph's suggested tags.
    AcceptSuggestions,
    DismissSuggestions,
    /// Accept every suggested tag of a kind, as one step.
    AcceptAllSuggested(Tag),
    /// Quote the next sub-paragraph of the selected paragraph alone (after the last, the
    /// whole paragraph again).
    NextPart,
    FilterTag(Tag),
    ClearFilter,
    ToggleOutline,
    /// Show the printed page of the paragraph being read (reports from a PDF).
    ToggleOriginalPage,
    /// Ask for another language version of the report, to show beside it.
    OpenParallel,
    /// Show the other version first (left), and quote it first in the note.
    SwapVersions,
    CloseParallel,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleDarkMode,
    ShowShortcuts,
    ShowAbout,
    SetUiLanguage(UiLanguage),
    /// Copy the briefing note to the clipboard as Markdown, or as plain text.
    CopyMarkdown,
    CopyText,
    /// Ask where to save the briefing note (the Export dialog's Save button).
    SaveExport,
    /// Ask for another report to quote in the same note (the Export dialog's button).
    AddReportToNote,
    /// Quote the other language version beneath each excerpt, or not (the Export dialog's
    /// check box).
    ToggleParallelInNote,
    /// Close the Export dialog.
    CloseExport,
    /// Close the find bar.
    CloseFind,
}

/// What the panels, the dialogs and the system tell the app that carries data.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub enum Message {
    /// A user command (a key, a menu item, a button).
    Command(Command),
    /// Select a paragraph (a click, the outline) and bring it into view.
    Select(ParagraphIndex),
    /// The note of the selected paragraph as typed so far.
    TypeNote(String),
    /// The user left the note field: the next keystroke starts a new undo step.
    NoteLeft,
    /// The find bar's query as typed so far.
    FindQuery(String),
    /// Open a report file (the command line, a drop, the open dialog's answer).
    OpenPath(PathBuf),
    /// Save the tags to this file (the Save As dialog's answer).
    SaveTo(PathBuf),
    /// Write the briefing note to this file (the export dialog's answer).
    ExportTo(PathBuf),
    /// The Export dialog's choices as the user set them.
    ExportChoices {
        format: crate::export::Format,
        options: crate::export::ExportOptions,
    },
    /// The answer to the question a modal window asked.
    Choose(Choice),
    /// Remove one problem or notice from above the report (its Dismiss button).
    DismissNotice(crate::app::notices::NoticeId),
    /// A file dialog's answer to the question the app asked ([`crate::app::Effect::AskPath`]):
    /// the path chosen, or `None` when the user cancelled.
    Answered(DialogKind, Option<PathBuf>),
    /// Whether the desktop could show its own file dialog (on Linux the XDG portal or zenity);
    /// without one the window shows paratag's own chooser and the app says why.
    SystemDialogs {
        available: bool,
    },
    /// The system asked the window to close (its close button, the window manager).
    CloseRequested,
    /// Quote this report too in the briefing note (with the tags beside it).
    AddToNote(PathBuf),
    /// Show another language version of the report beside it: this file, or without one the
    /// built-in report's English version.
    OpenParallel(Option<PathBuf>),
    /// Accept, or dismiss, one suggested tag of a paragraph (the tag panel's buttons).
    AcceptSuggestion(ParagraphIndex, Tag),
    DismissSuggestion(ParagraphIndex, Tag),
    /// Quote this report no more (its place in the Export dialog's list of others).
    RemoveFromNote(usize),
    /// Quote this sub-paragraph of a paragraph alone (`None`: the whole paragraph).
    QuotePart(ParagraphIndex, Option<String>),
    /// Show only the paragraphs this person annotated (`None`: everyone's).
    FilterAuthor(Option<String>),
    /// Merge this tags file (a colleague's) into the report's tags.
    MergeFrom(PathBuf),
    /// Settle a paragraph's conflict left by a merge (the tag panel's buttons).
    ResolveConflict(ParagraphIndex, crate::tagged_report::Resolution),
    /// The name recorded with the user's annotations, as typed (empty: the system's user name).
    SetAuthor(String),
    /// Save the open reports and the note's choices as a briefing file here.
    SaveBriefingTo(PathBuf),
    /// Show this open report (its tab).
    ShowReport(crate::app::ReportId),
    /// Close this open report (its tab's close button).
    CloseReport(crate::app::ReportId),
    /// Quote this open report in the briefing note, or leave it out (the Export dialog).
    IncludeInNote(crate::app::ReportId, bool),
}

/// Which question a file dialog answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    SaveAs,
    Export,
    /// Another report for the briefing note.
    AddToNote,
    /// Another language version to show beside the report.
    Parallel,
    /// Where to save a briefing file (the open reports and the note's choices).
    Briefing,
    /// A colleague's tags file to merge into the report's tags.
    Merge,
}

impl DialogKind {
    /// The message a chosen path answers with.
    pub fn answer(self, path: PathBuf) -> Message {
        match self {
            Self::Open => Message::OpenPath(path),
            Self::SaveAs => Message::SaveTo(path),
            Self::Export => Message::ExportTo(path),
            Self::AddToNote => Message::AddToNote(path),
            Self::Parallel => Message::OpenParallel(Some(path)),
            Self::Briefing => Message::SaveBriefingTo(path),
            Self::Merge => Message::MergeFrom(path),
        }
    }
}

impl From<Command> for Message {
    fn from(command: Command) -> Self {
        Self::Command(command)
    }
}

/// What the user answered in a modal window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Close the window without doing anything (Escape, a click outside, Cancel).
    Cancel,
    /// Closing a report with unsaved tags: save first, or discard them.
    SaveAndCloseReport,
    DiscardAndCloseReport,
    /// Closing with unsaved tags: save first, or discard them.
    SaveAndClose,
    DiscardAndClose,
    /// The tags file changed on disk: save elsewhere, or overwrite it.
    SaveElsewhere,
    Overwrite,
    /// Take tags made for another report.
    OpenForeign,
    /// Take the tags of one offered recovery copy, or drop them all.
    Restore(usize),
    DiscardRecovery,
    /// The tags file has other names (hard links): save over it anyway, or elsewhere.
    SaveOverLinks,
    SaveLinkedElsewhere,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}
const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}
const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

impl Command {
    /// Every command, in the menus' order.
    pub fn all() -> impl Iterator<Item = Self> {
        enum_iterator::all::<Self>()
    }

    /// The commands that have a place in menus and the shortcuts window, in that order.
    pub fn listed() -> Vec<Self> {
        Self::all().filter(|command| command.is_listed()).collect()
    }

    /// Whether a command has a place in menus and the shortcuts window; the others are a
    /// dialog's or a bar's own buttons, or the language menu's entries.
    fn is_listed(self) -> bool {
        match self {
            Self::SetUiLanguage(_)
            | Self::CopyMarkdown
            | Self::CopyText
            | Self::SaveExport
            | Self::AddReportToNote
            | Self::ToggleParallelInNote
            | Self::CloseExport
            | Self::CloseFind => false,
            Self::OpenReport
            | Self::Save
            | Self::SaveAs
            | Self::MergeTags
            | Self::CloseReport
            | Self::NextReport
            | Self::PreviousReport
            | Self::Export
            | Self::SaveBriefing
            | Self::Quit
            | Self::Undo
            | Self::Redo
            | Self::Find
            | Self::FindNext
            | Self::FindPrevious
            | Self::SelectNext
            | Self::SelectPrevious
            | Self::NextTagged
            | Self::PreviousTagged
            | Self::WriteNote
            | Self::ToggleTag(_)
            | Self::SuggestTags
            | Self::NextSuggested
            | Self::AcceptSuggestions
            | Self::DismissSuggestions
            | Self::AcceptAllSuggested(_)
            | Self::NextPart
            | Self::FilterTag(_)
            | Self::ClearFilter
            | Self::ToggleOutline
            | Self::ToggleOriginalPage
            | Self::OpenParallel
            | Self::SwapVersions
            | Self::CloseParallel
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::ToggleDarkMode
            | Self::ShowShortcuts
            | Self::ShowAbout => true,
        }
    }

    /// The keyboard shortcuts, the one shown in menus first. Bare keys (no Ctrl/⌘ or Alt) do
    /// nothing while a text field has focus.
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Self::OpenReport => vec![cmd(Key::O)],
            Self::Save => vec![cmd(Key::S)],
            Self::SaveAs => vec![cmd_shift(Key::S)],
            Self::CloseReport => vec![cmd(Key::W)],
            Self::NextReport => vec![cmd(Key::PageDown)],
            Self::PreviousReport => vec![cmd(Key::PageUp)],
            Self::Export => vec![cmd(Key::E)],
            Self::Quit => vec![cmd(Key::Q)],
            Self::Undo => vec![cmd(Key::Z)],
            Self::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Self::Find => vec![cmd(Key::F)],
            Self::FindNext => vec![key(Key::F3), cmd(Key::G)],
            Self::FindPrevious => vec![shift(Key::F3), cmd_shift(Key::G)],
            Self::SelectNext => vec![key(Key::ArrowDown), key(Key::J)],
            Self::SelectPrevious => vec![key(Key::ArrowUp), key(Key::K)],
            Self::NextTagged => vec![key(Key::N)],
            Self::PreviousTagged => vec![shift(Key::N)],
            Self::ToggleTag(Tag::Challenge) => vec![key(Key::Num1)],
            Self::ToggleTag(Tag::GoodPractice) => vec![key(Key::Num2)],
            Self::ToggleTag(Tag::Proposal) => vec![key(Key::Num3)],
            Self::SuggestTags => vec![key(Key::S)],
            Self::NextSuggested => vec![key(Key::M)],
            Self::AcceptSuggestions => vec![key(Key::A)],
            Self::DismissSuggestions => vec![key(Key::D)],
            Self::NextPart => vec![key(Key::Q)],
            Self::FilterTag(Tag::Challenge) => vec![alt(Key::Num1)],
            Self::FilterTag(Tag::GoodPractice) => vec![alt(Key::Num2)],
            Self::FilterTag(Tag::Proposal) => vec![alt(Key::Num3)],
            Self::ClearFilter => vec![alt(Key::Num0)],
            Self::WriteNote => vec![key(Key::Enter)],
            Self::ToggleOutline => vec![cmd_shift(Key::O)],
            Self::ToggleOriginalPage => vec![key(Key::P)],
            Self::OpenParallel => vec![cmd_shift(Key::L)],
            Self::SwapVersions => vec![key(Key::X)],
            Self::ZoomIn => vec![cmd(Key::Equals), cmd(Key::Plus)],
            Self::ZoomOut => vec![cmd(Key::Minus)],
            Self::ZoomReset => vec![cmd(Key::Num0)],
            Self::ToggleDarkMode
            | Self::MergeTags
            | Self::SaveBriefing
            | Self::ShowShortcuts
            | Self::ShowAbout
            | Self::SetUiLanguage(_)
            | Self::CopyMarkdown
            | Self::CopyText
            | Self::SaveExport
            | Self::AddReportToNote
            | Self::ToggleParallelInNote
            | Self::AcceptAllSuggested(_)
            | Self::CloseParallel
            | Self::CloseExport
            | Self::CloseFind => vec![],
        }
    }

    /// The label in menus and on buttons.
    pub fn label(&self, strings: &'static Strings) -> String {
        let label = match self {
            Self::OpenReport => strings.open_report,
            Self::Save => strings.save,
            Self::SaveAs => strings.save_as,
            Self::MergeTags => strings.merge_tags,
            Self::CloseReport => strings.close_report,
            Self::NextReport => strings.next_report,
            Self::PreviousReport => strings.previous_report,
            Self::Export => strings.export,
            Self::SaveBriefing => strings.save_briefing,
            Self::Quit => strings.quit,
            Self::Undo => strings.undo,
            Self::Redo => strings.redo,
            Self::Find => strings.find_command,
            Self::FindNext => strings.find_next,
            Self::FindPrevious => strings.find_previous,
            Self::SelectNext => strings.select_next,
            Self::SelectPrevious => strings.select_previous,
            Self::NextTagged => strings.next_tagged,
            Self::PreviousTagged => strings.previous_tagged,
            Self::ToggleTag(tag) => strings.tag(*tag),
            Self::SuggestTags => strings.suggest_tags,
            Self::NextSuggested => strings.next_suggestion,
            Self::AcceptSuggestions => strings.accept_suggested,
            Self::DismissSuggestions => strings.dismiss_suggested,
            Self::AcceptAllSuggested(tag) => {
                return Strings::fill(strings.accept_all_suggested, &[("tag", &strings.tag(*tag))]);
            }
            Self::NextPart => strings.next_part,
            Self::FilterTag(tag) => return strings.filter_by(*tag),
            Self::ClearFilter => strings.clear_filter,
            Self::WriteNote => strings.write_note,
            Self::ToggleOutline => strings.toggle_outline,
            Self::ToggleOriginalPage => strings.original_page,
            Self::OpenParallel => strings.parallel_version,
            Self::SwapVersions => strings.swap_versions,
            Self::CloseParallel => strings.close_parallel,
            Self::ToggleParallelInNote => strings.quote_parallel,
            Self::ZoomIn => strings.zoom_in,
            Self::ZoomOut => strings.zoom_out,
            Self::ZoomReset => strings.zoom_reset,
            Self::ToggleDarkMode => strings.dark_mode,
            Self::ShowShortcuts => strings.keyboard_shortcuts,
            Self::ShowAbout => strings.about,
            Self::SetUiLanguage(language) => language.native_name(),
            Self::CopyMarkdown => strings.copy_markdown,
            Self::CopyText => strings.copy_text,
            Self::SaveExport => strings.save_export,
            Self::AddReportToNote => strings.add_report_to_note,
            Self::CloseExport | Self::CloseFind => strings.close,
        };
        label.to_owned()
    }

    /// Every (shortcut, command) binding, the ones with more modifiers first: egui matches
    /// modifiers logically, so `1` would also fire on Alt+1 if it were checked first. Made once:
    /// the keyboard is read every frame.
    pub fn bindings() -> &'static [(KeyboardShortcut, Self)] {
        static BINDINGS: std::sync::OnceLock<Vec<(KeyboardShortcut, Command)>> =
            std::sync::OnceLock::new();
        BINDINGS.get_or_init(Self::make_bindings)
    }

    fn make_bindings() -> Vec<(KeyboardShortcut, Self)> {
        let mut bindings: Vec<(KeyboardShortcut, Self)> = Self::all()
            .flat_map(|command| {
                command
                    .shortcuts()
                    .into_iter()
                    .map(move |shortcut| (shortcut, command))
            })
            .collect();
        bindings.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        bindings
    }
}

/// The commands a frame's key presses give, in the order they were pressed — every press one
/// command, however many arrive in one frame (`j j 2` typed quickly is two steps, then a
/// tag). The presses that became commands are taken out of `events`; with `typing` (a text
/// field has focus) bare keys stay for the field.
pub fn from_key_presses(events: &mut Vec<egui::Event>, typing: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    events.retain(|event| {
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return true;
        };
        let found = Command::bindings().iter().find(|(shortcut, _)| {
            shortcut.logical_key == *key
                && modifiers.matches_logically(shortcut.modifiers)
                && !(typing && is_bare(shortcut))
        });
        match found {
            Some((_, command)) => {
                commands.push(*command);
                false
            }
            None => true,
        }
    });
    commands
}

fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.shift,
        modifiers.command || modifiers.ctrl,
        modifiers.mac_cmd,
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
}

/// Whether a shortcut is a bare key that a text field needs for typing or moving its cursor
/// (no Ctrl/⌘, no Alt, not a function key): such shortcuts do nothing while one has focus.
pub fn is_bare(shortcut: &KeyboardShortcut) -> bool {
    let name = shortcut.logical_key.name();
    let function_key =
        name.len() >= 2 && name.starts_with('F') && name[1..].bytes().all(|b| b.is_ascii_digit());
    !shortcut.modifiers.command
        && !shortcut.modifiers.ctrl
        && !shortcut.modifiers.alt
        && !function_key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let bindings = Command::bindings();
        for (i, (a, first)) in bindings.iter().enumerate() {
            for (b, second) in &bindings[i + 1..] {
                assert!(a != b, "{first:?} and {second:?} share {a:?}");
            }
        }
    }

    #[test]
    fn typing_keys_are_bare_and_function_keys_are_not() {
        assert!(is_bare(&key(Key::Num1)));
        assert!(is_bare(&key(Key::ArrowDown)));
        assert!(is_bare(&shift(Key::N)));
        assert!(!is_bare(&key(Key::F3)));
        assert!(!is_bare(&shift(Key::F3)));
        assert!(!is_bare(&alt(Key::Num1)));
        assert!(!is_bare(&cmd(Key::Z)));
    }

    #[test]
    fn variants_with_more_modifiers_are_matched_first() {
        let bindings = Command::bindings();
        let position = |wanted: &KeyboardShortcut| {
            bindings
                .iter()
                .position(|(shortcut, _)| shortcut == wanted)
                .unwrap()
        };
        assert!(position(&alt(Key::Num1)) < position(&key(Key::Num1)));
        assert!(position(&cmd_shift(Key::Z)) < position(&cmd(Key::Z)));
        assert!(position(&cmd_shift(Key::O)) < position(&cmd(Key::O)));
        assert!(position(&cmd_shift(Key::S)) < position(&cmd(Key::S)));
        assert!(position(&shift(Key::N)) < position(&key(Key::N)));
    }

    fn press(key: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn every_press_in_a_frame_is_a_command_in_the_order_pressed() {
        let mut events = vec![
            press(Key::J, Modifiers::NONE),
            press(Key::J, Modifiers::NONE),
            press(Key::Num2, Modifiers::NONE),
            egui::Event::Text("x".to_owned()),
            press(Key::Num3, Modifiers::NONE),
            press(Key::J, Modifiers::NONE),
            press(Key::Num1, Modifiers::ALT),
            press(Key::Z, Modifiers::COMMAND | Modifiers::SHIFT),
        ];
        assert_eq!(
            from_key_presses(&mut events, false),
            [
                Command::SelectNext,
                Command::SelectNext,
                Command::ToggleTag(Tag::GoodPractice),
                Command::ToggleTag(Tag::Proposal),
                Command::SelectNext,
                Command::FilterTag(Tag::Challenge),
                Command::Redo,
            ]
        );
        assert_eq!(events, [egui::Event::Text("x".to_owned())]);
        // While a text field has focus, bare keys are its text; Ctrl+Z is still Undo.
        let mut events = vec![
            press(Key::J, Modifiers::NONE),
            press(Key::Z, Modifiers::COMMAND),
        ];
        assert_eq!(from_key_presses(&mut events, true), [Command::Undo]);
        assert_eq!(events, [press(Key::J, Modifiers::NONE)]);
    }

    #[test]
    fn every_shortcut_of_every_command_gives_that_command() {
        let mut pressed = 0;
        for command in Command::all() {
            for shortcut in command.shortcuts() {
                let mut events = vec![press(shortcut.logical_key, shortcut.modifiers)];
                assert_eq!(
                    from_key_presses(&mut events, false),
                    [command],
                    "{shortcut:?}"
                );
                pressed += 1;
            }
        }
        assert!(pressed >= 30, "only {pressed} shortcuts");
    }

    #[test]
    fn every_command_has_a_label_in_both_languages() {
        for command in Command::all() {
            for language in UiLanguage::ALL {
                assert!(!command.label(language.strings()).is_empty(), "{command:?}");
            }
        }
    }
}
