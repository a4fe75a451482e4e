//! The `paratag` binary: the window, or a command for scripts.

use std::process::ExitCode;

use clap::Parser as _;
use paratag::cli::{self, Cli, Command};

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    paratag::window::mark_start();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Outline { file, json }) => cli::outline(&file, json),
        Some(Command::Check { tags, report }) => cli::check(&tags, report.as_deref()),
        Some(Command::Merge {
            mine,
            theirs,
            output,
            report,
        }) => cli::merge(&mine, &theirs, output.as_deref(), report.as_deref()),
        Some(Command::Suggest { file, json, cues }) => cli::suggest(&file, json, cues.as_deref()),
        Some(Command::InstallDesktop { data_dir }) => cli::desktop(true, data_dir.as_deref()),
        Some(Command::UninstallDesktop { data_dir }) => cli::desktop(false, data_dir.as_deref()),
        Some(Command::SaveLoop { tags, verify }) => cli::save_loop(&tags, verify),
        Some(Command::SampleReport {
            paragraphs,
            from,
            pdf,
        }) => cli::sample_report(paragraphs, from.as_deref(), pdf),
        Some(Command::Export {
            briefing: Some(briefing),
            format,
            output,
            date,
            ..
        }) => cli::export_briefing(
            &briefing,
            format.as_deref(),
            output.as_deref(),
            date.as_deref(),
        ),
        Some(Command::Export {
            briefing: None,
            reports,
            tags,
            format,
            output,
            group_by,
            lang,
            only,
            trim,
            no_merge,
            names,
            date,
            paper,
            parallel,
        }) => {
            let mut options = cli::export_options(
                &group_by,
                &lang,
                &only,
                trim,
                no_merge,
                date.as_deref(),
                &paper,
            );
            options.names = names;
            cli::export(
                &reports,
                tags.as_deref(),
                parallel.as_deref(),
                format.as_deref().unwrap_or_default(),
                output.as_deref(),
                &options,
            )
        }
        None => window(&cli),
    }
}

/// The window, with the report and tags the command line named.
#[cfg(feature = "gui")]
fn window(cli: &Cli) -> ExitCode {
    let parallel = cli.parallel.as_ref().map(Option::as_deref);
    match paratag::window::run(cli.report.as_deref(), cli.tags.as_deref(), parallel) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("paratag: cannot open the window: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A paratag built without its window (`--no-default-features --features cli`) says so.
#[cfg(not(feature = "gui"))]
fn window(_cli: &Cli) -> ExitCode {
    eprintln!(
        "paratag: this paratag was built for the command line only, without its window; \
         see `paratag --help` for its commands"
    );
    ExitCode::FAILURE
}
