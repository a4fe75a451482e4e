//! The `paratag` binary: the window, or a command for scripts.

use std::process::ExitCode;

use clap::Parser as _;
use paratag::cli::{self, Cli, Command};

fn main() -> ExitCode {
    paratag::window::mark_start();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Outline { file, json }) => cli::outline(&file, json),
        Some(Command::Check { tags, report }) => cli::check(&tags, report.as_deref()),
        Some(Command::InstallDesktop { data_dir }) => cli::desktop(true, data_dir.as_deref()),
        Some(Command::UninstallDesktop { data_dir }) => cli::desktop(false, data_dir.as_deref()),
        Some(Command::SaveLoop { tags, verify }) => cli::save_loop(&tags, verify),
        Some(Command::SampleReport {
            paragraphs,
            from,
            pdf,
        }) => cli::sample_report(paragraphs, from.as_deref(), pdf),
        Some(Command::Export {
            reports,
            tags,
            format,
            output,
            group_by,
            lang,
            only,
            trim,
            no_merge,
            date,
        }) => {
            let options =
                cli::export_options(&group_by, &lang, &only, trim, no_merge, date.as_deref());
            cli::export(
                &reports,
                tags.as_deref(),
                &format,
                output.as_deref(),
                &options,
            )
        }
        None => match paratag::window::run(cli.report.as_deref(), cli.tags.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("paratag: cannot open the window: {error}");
                ExitCode::FAILURE
            }
        },
    }
}
