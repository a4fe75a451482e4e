//! What the window tells the user above the report until dismissed: problems (a file that
//! could not be opened, saved or exported) and notices (tags re-anchored, a note exported).
//! A queue, so that a second problem never erases the first; each problem says what it is
//! about, so that what is put right (a save that now succeeded) withdraws its own problem and
//! nothing else.

/// How much a message matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something done or found that is not a failure.
    Info,
    /// Something that failed; shown in the error colour.
    Problem,
}

/// What a message is about, so that it can be withdrawn when that is put right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum About {
    /// Saving the tags: withdrawn by the next successful save.
    Saving,
    /// Opening a report or tags file: withdrawn when a file opens.
    Opening,
    /// Writing the recovery copy: withdrawn by the next one written.
    Recovery,
    /// The desktop has no file dialog: withdrawn when one answers (zenity was installed).
    NoDialog,
    /// The other language version: how it differs from the report, or why it cannot be
    /// shown; withdrawn when another version is shown or it is closed.
    Parallel,
    /// Anything else: stays until dismissed.
    Other,
}

/// One message's identity, for its Dismiss button.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NoticeId(u64);

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: NoticeId,
    pub level: Level,
    pub about: About,
    pub text: String,
}

/// The messages on screen, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    items: Vec<Notice>,
    next: u64,
}

impl Notices {
    /// At most this many at once: past it, the oldest notice goes, then the oldest problem.
    pub const MAX: usize = 6;

    /// Add a notice (not a failure).
    pub fn info(&mut self, text: impl Into<String>) -> NoticeId {
        self.push(Level::Info, About::Other, text.into())
    }

    /// Add a notice about something that may stop being true.
    pub fn info_about(&mut self, about: About, text: impl Into<String>) -> NoticeId {
        self.push(Level::Info, about, text.into())
    }

    /// Add a problem about `about`.
    pub fn problem(&mut self, about: About, text: impl Into<String>) -> NoticeId {
        self.push(Level::Problem, about, text.into())
    }

    /// The same words again take the newest place instead of showing twice.
    fn push(&mut self, level: Level, about: About, text: String) -> NoticeId {
        self.items
            .retain(|notice| !(notice.level == level && notice.text == text));
        let id = NoticeId(self.next);
        self.next += 1;
        self.items.push(Notice {
            id,
            level,
            about,
            text,
        });
        while self.items.len() > Self::MAX {
            let oldest = self
                .items
                .iter()
                .position(|notice| notice.level == Level::Info)
                .unwrap_or(0);
            self.items.remove(oldest);
        }
        id
    }

    /// The newest message of this level.
    pub fn latest(&self, level: Level) -> Option<&Notice> {
        self.items.iter().rev().find(|notice| notice.level == level)
    }

    /// Every message, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Remove one message (its Dismiss button); the message, if it was still there.
    pub fn dismiss(&mut self, id: NoticeId) -> Option<Notice> {
        let index = self.items.iter().position(|notice| notice.id == id)?;
        Some(self.items.remove(index))
    }

    /// Remove every message of this level.
    pub fn dismiss_level(&mut self, level: Level) {
        self.items.retain(|notice| notice.level != level);
    }

    /// Remove the messages about `about`, now put right.
    pub fn withdraw(&mut self, about: About) {
        self.items.retain(|notice| notice.about != about);
    }

    /// Remove everything (another report was opened: the messages were about the last one).
    pub fn clear(&mut self) {
        self.items.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(notices: &Notices) -> Vec<&str> {
        notices.iter().map(|notice| notice.text.as_str()).collect()
    }

    #[test]
    fn a_second_problem_never_erases_the_first() {
        let mut notices = Notices::default();
        notices.problem(About::Saving, "could not save");
        notices.problem(About::Opening, "could not open");
        assert_eq!(texts(&notices), ["could not save", "could not open"]);
        assert_eq!(
            notices.latest(Level::Problem).map(|n| n.text.as_str()),
            Some("could not open")
        );
    }

    #[test]
    fn the_same_words_show_once_in_the_newest_place() {
        let mut notices = Notices::default();
        notices.problem(About::Other, "a");
        notices.info("b");
        notices.problem(About::Other, "a");
        assert_eq!(texts(&notices), ["b", "a"]);
        // A notice and a problem with the same words are two messages.
        notices.info("a");
        assert_eq!(texts(&notices), ["b", "a", "a"]);
    }

    #[test]
    fn past_the_limit_notices_go_before_problems_oldest_first() {
        let mut notices = Notices::default();
        notices.problem(About::Other, "p0");
        notices.info("i0");
        for n in 1..Notices::MAX {
            notices.problem(About::Other, format!("p{n}"));
        }
        assert_eq!(texts(&notices), ["p0", "p1", "p2", "p3", "p4", "p5"]);
        notices.problem(About::Other, "p6");
        assert_eq!(texts(&notices), ["p1", "p2", "p3", "p4", "p5", "p6"]);
    }

    #[test]
    fn withdrawing_removes_only_the_problems_about_that() {
        let mut notices = Notices::default();
        notices.problem(About::Saving, "save failed");
        notices.problem(About::Opening, "open failed");
        notices.info("exported");
        notices.withdraw(About::Saving);
        assert_eq!(texts(&notices), ["open failed", "exported"]);
    }

    #[test]
    fn dismiss_removes_that_message_once() {
        let mut notices = Notices::default();
        let first = notices.problem(About::Other, "first");
        notices.problem(About::Other, "second");
        assert_eq!(
            notices.dismiss(first).map(|n| n.text),
            Some("first".to_owned())
        );
        assert_eq!(notices.dismiss(first), None);
        assert_eq!(texts(&notices), ["second"]);
    }
}
