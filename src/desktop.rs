//! `paratag install-desktop`: what the freedesktop.org desktops (GNOME, KDE, Xfce, …) need to
//! show paratag in the launcher and in "Open with" — a desktop entry, icons in the hicolor
//! theme's sizes, and the MIME type of tags files — installed in the user's data directory
//! (`~/.local/share`), or under another one (`--data-dir /usr/local/share`). The Debian
//! package installs the same files under `/usr/share` (`[package.metadata.deb]` in Cargo.toml).

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::storage::Disk as _;

/// The desktop entry as packages install it (`Exec=paratag %f`, found on the `PATH`).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/paratag.desktop");
/// The MIME type of tags files (`*.tags.ron`), for shared-mime-info.
pub const MIME_INFO: &str = include_str!("../assets/paratag-mime.xml");
/// The scalable icon.
pub const ICON_SVG: &str = include_str!("../assets/icons/paratag.svg");

/// The icon at each size of the hicolor theme (rendered by `scripts/make-icon.sh`).
pub const ICON_PNGS: [(u32, &[u8]); 8] = [
    (
        16,
        include_bytes!("../assets/icons/hicolor/16x16/apps/paratag.png"),
    ),
    (
        24,
        include_bytes!("../assets/icons/hicolor/24x24/apps/paratag.png"),
    ),
    (
        32,
        include_bytes!("../assets/icons/hicolor/32x32/apps/paratag.png"),
    ),
    (
        48,
        include_bytes!("../assets/icons/hicolor/48x48/apps/paratag.png"),
    ),
    (
        64,
        include_bytes!("../assets/icons/hicolor/64x64/apps/paratag.png"),
    ),
    (
        128,
        include_bytes!("../assets/icons/hicolor/128x128/apps/paratag.png"),
    ),
    (
        256,
        include_bytes!("../assets/icons/hicolor/256x256/apps/paratag.png"),
    ),
    (
        512,
        include_bytes!("../assets/icons/hicolor/512x512/apps/paratag.png"),
    ),
];

/// One file to install: where under the data directory, and its bytes.
#[derive(Debug)]
pub struct DesktopFile {
    pub relative: PathBuf,
    pub bytes: Vec<u8>,
}

/// The files `install-desktop` writes, with `Exec` pointing at `program` (this executable, so
/// that a copy outside the `PATH` still starts from the launcher).
pub fn files(program: &Path) -> Vec<DesktopFile> {
    let mut files = vec![
        DesktopFile {
            relative: PathBuf::from("applications/paratag.desktop"),
            bytes: entry_for(program).into_bytes(),
        },
        DesktopFile {
            relative: PathBuf::from("mime/packages/paratag.xml"),
            bytes: MIME_INFO.as_bytes().to_vec(),
        },
        DesktopFile {
            relative: PathBuf::from("icons/hicolor/scalable/apps/paratag.svg"),
            bytes: ICON_SVG.as_bytes().to_vec(),
        },
    ];
    files.extend(ICON_PNGS.iter().map(|(size, png)| DesktopFile {
        relative: PathBuf::from(format!("icons/hicolor/{size}x{size}/apps/paratag.png")),
        bytes: png.to_vec(),
    }));
    files
}

/// The desktop entry with `Exec` and `TryExec` naming `program`.
pub fn entry_for(program: &Path) -> String {
    let mut entry = String::with_capacity(DESKTOP_ENTRY.len() + 64);
    for line in DESKTOP_ENTRY.lines() {
        match line.split_once('=') {
            Some(("Exec", _)) => {
                let _ = writeln!(entry, "Exec={} %f", exec_quoted(program));
            }
            Some(("TryExec", _)) => {
                let _ = writeln!(
                    entry,
                    "TryExec={}",
                    escape_value(&program.to_string_lossy())
                );
            }
            _ => {
                entry.push_str(line);
                entry.push('\n');
            }
        }
    }
    entry
}

/// A program path as the Exec key wants it: quoted when it holds a space or a reserved
/// character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes, `%` doubled, and the
/// value then escaped as every desktop-entry string is (desktop entry specification, "The
/// Exec key").
fn exec_quoted(program: &Path) -> String {
    let path = program.to_string_lossy().replace('%', "%%");
    let reserved = |c: char| " \t\n\"'\\><~|&;$*?#()`".contains(c);
    let argument = if path.contains(reserved) {
        let mut quoted = String::from("\"");
        for c in path.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        path
    };
    escape_value(&argument)
}

/// A desktop-entry string value: backslash escaped, line breaks and tabs as `\n`, `\t`.
fn escape_value(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\t' => escaped.push_str("\\t"),
            '\r' => escaped.push_str("\\r"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// What an install or uninstall did, for the message to the user.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The files written or removed.
    pub files: Vec<PathBuf>,
    /// The caches brought up to date (`update-desktop-database`, …), and those whose tool
    /// this system lacks (the desktop then finds the files at its next start).
    pub refreshed: Vec<String>,
    pub not_refreshed: Vec<String>,
}

/// A step that failed, with the path it was about.
#[derive(Debug, thiserror::Error)]
#[error("cannot {step} {path}: {source}")]
pub struct InstallError {
    pub step: &'static str,
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Write `files` under `data_dir` (each atomically: a desktop never reads half an entry),
/// then refresh the desktop's caches. Stops at the first file that cannot be written.
pub fn install(data_dir: &Path, files: &[DesktopFile]) -> Result<Outcome, InstallError> {
    let mut outcome = Outcome::default();
    for file in files {
        let path = data_dir.join(&file.relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|source| InstallError {
                step: "create the folder",
                path: folder.to_owned(),
                source,
            })?;
        }
        crate::storage::RealDisk
            .write_atomic(&path, &file.bytes)
            .map_err(|source| InstallError {
                step: "write",
                path: path.clone(),
                source,
            })?;
        outcome.files.push(path);
    }
    refresh_caches(data_dir, &mut outcome);
    Ok(outcome)
}

/// Remove what `install` wrote under `data_dir` (files that are not there are skipped), and
/// refresh the caches. Nothing else in those folders is touched.
pub fn uninstall(data_dir: &Path, files: &[DesktopFile]) -> Result<Outcome, InstallError> {
    let mut outcome = Outcome::default();
    for file in files {
        let path = data_dir.join(&file.relative);
        match std::fs::remove_file(&path) {
            Ok(()) => outcome.files.push(path),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(InstallError {
                    step: "remove",
                    path,
                    source,
                });
            }
        }
    }
    refresh_caches(data_dir, &mut outcome);
    Ok(outcome)
}

/// Run the tools that rebuild the desktop's caches of entries, MIME types and icons, where
/// this system has them. Best effort: without them the files still take effect, later.
fn refresh_caches(data_dir: &Path, outcome: &mut Outcome) {
    let steps: [(&str, &[&str], PathBuf); 3] = [
        (
            "update-desktop-database",
            &["-q"],
            data_dir.join("applications"),
        ),
        ("update-mime-database", &[], data_dir.join("mime")),
        (
            "gtk-update-icon-cache",
            &["-q", "-t", "-f"],
            data_dir.join("icons/hicolor"),
        ),
    ];
    for (tool, arguments, folder) in steps {
        if !folder.is_dir() {
            continue;
        }
        let ran = std::process::Command::new(tool)
            .args(arguments)
            .arg(&folder)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        match ran {
            Ok(status) if status.success() => outcome.refreshed.push(tool.to_owned()),
            _ => outcome.not_refreshed.push(tool.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `key` in the entry's main group.
    fn value<'a>(entry: &'a str, key: &str) -> Option<&'a str> {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
    }

    #[test]
    fn the_entry_starts_this_program_with_the_file_opened() {
        let entry = entry_for(Path::new("/opt/paratag/bin/paratag"));
        assert_eq!(value(&entry, "Exec"), Some("/opt/paratag/bin/paratag %f"));
        assert_eq!(value(&entry, "TryExec"), Some("/opt/paratag/bin/paratag"));
        // Everything else is the packaged entry, line for line.
        let others = |text: &str| {
            text.lines()
                .filter(|line| !line.starts_with("Exec=") && !line.starts_with("TryExec="))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(others(&entry), others(DESKTOP_ENTRY));
        assert_eq!(value(DESKTOP_ENTRY, "Exec"), Some("paratag %f"));
    }

    #[test]
    fn a_path_with_spaces_quotes_and_percent_is_quoted_as_the_specification_says() {
        let entry = entry_for(Path::new("/home/a b/it's $HOME/100%/paratag"));
        // Quoted (space, ' and $ are reserved), `$` escaped inside the quotes, `%` doubled,
        // then every backslash doubled as in any desktop-entry string.
        assert_eq!(
            value(&entry, "Exec"),
            Some(r#""/home/a b/it's \\$HOME/100%%/paratag" %f"#)
        );
        assert_eq!(
            value(&entry, "TryExec"),
            Some("/home/a b/it's $HOME/100%/paratag")
        );
    }

    /// The icon shows the three tags in their colours, the ones the window and the notes use.
    #[test]
    fn the_icons_draw_the_tags_in_their_colours() {
        for svg in [
            ICON_SVG,
            include_str!("../assets/icons/paratag-16.svg"),
            include_str!("../assets/icons/paratag-24.svg"),
        ] {
            for tag in crate::annotations::Tag::ALL {
                let fill = format!("fill=\"#{}\"", tag.color_hex());
                assert!(svg.contains(&fill), "{tag:?}: no {fill}");
            }
        }
    }

    #[test]
    fn install_writes_every_file_and_uninstall_removes_only_those() {
        let scratch = crate::scratch::Scratch::new("desktop");
        let dir = scratch.path();
        let theirs = dir.join("applications/someone-else.desktop");
        std::fs::create_dir_all(theirs.parent().unwrap()).unwrap();
        std::fs::write(&theirs, "[Desktop Entry]\n").unwrap();

        let files = files(Path::new("/usr/bin/paratag"));
        let installed = install(dir, &files).unwrap();
        assert_eq!(installed.files.len(), files.len());
        for file in &files {
            assert_eq!(std::fs::read(dir.join(&file.relative)).unwrap(), file.bytes);
        }
        assert!(dir.join("icons/hicolor/48x48/apps/paratag.png").is_file());
        assert!(dir.join("mime/packages/paratag.xml").is_file());

        // Installing again replaces the files in place.
        assert_eq!(install(dir, &files).unwrap().files.len(), files.len());

        let removed = uninstall(dir, &files).unwrap();
        assert_eq!(removed.files.len(), files.len());
        assert!(files.iter().all(|file| !dir.join(&file.relative).exists()));
        assert!(theirs.is_file(), "another program's entry is left alone");
        // A second uninstall finds nothing to remove, and says so by removing nothing.
        assert!(uninstall(dir, &files).unwrap().files.is_empty());
    }

    #[test]
    fn a_data_directory_that_is_a_file_is_refused_naming_the_folder() {
        let scratch = crate::scratch::Scratch::new("desktop-file");
        let dir = scratch.path();
        std::fs::write(dir.join("applications"), "not a folder").unwrap();
        let error = install(dir, &files(Path::new("/usr/bin/paratag"))).unwrap_err();
        assert_eq!(error.path, dir.join("applications"));
        assert!(
            error.to_string().starts_with("cannot create the folder"),
            "{error}"
        );
    }
}
