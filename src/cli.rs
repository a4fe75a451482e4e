//! The command line: `paratag [REPORT]` opens the window; `paratag outline FILE [--json]`
//! prints the structure paratag recovers, for scripts and for checking a report before use.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{outline, parse};

/// paratag: read a UN report and tag its paragraphs for a briefing note.
#[derive(Debug, Parser)]
#[command(
    name = "paratag",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A report to open in the window: text extracted from a UN PDF (UTF-8, UTF-16 or
    /// GB18030). Without it, paratag opens its built-in report.
    pub report: Option<PathBuf>,
}

/// The commands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a report's structure: headings, numbered paragraphs, footnotes, and the page
    /// furniture that was removed.
    Outline {
        /// The report (text extracted from a UN PDF).
        file: PathBuf,

        /// Print one JSON object: {"symbol", "language", "blocks", "footnotes", "removed"}.
        #[arg(long)]
        json: bool,
    },
}

/// `paratag outline FILE [--json]`: exit status 0 with the outline on stdout, or 1 with the
/// reason on stderr.
pub fn outline(file: &Path, json: bool) -> ExitCode {
    let document = match parse::read_report(file) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("paratag: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut text = if json {
        outline::to_json(&document)
    } else {
        outline::to_text(&document)
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `paratag outline … | head` closes the pipe early: not an error worth reporting.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("paratag: cannot write the outline: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn outline_and_report_arguments() {
        let cli = Cli::try_parse_from(["paratag", "outline", "r.txt", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Outline { json: true, .. })
        ));
        let cli = Cli::try_parse_from(["paratag", "report.txt"]).unwrap();
        assert_eq!(cli.report.as_deref(), Some(Path::new("report.txt")));
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["paratag"]).unwrap();
        assert!(cli.report.is_none() && cli.command.is_none());
    }
}
