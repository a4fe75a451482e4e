//! Old Word documents (`.doc`, Word 97–2003): converted to `.docx` by LibreOffice when it is
//! installed (`soffice --headless --convert-to docx`), then read as a Word package. The
//! conversion runs in a private temporary folder, is stopped after [`TIMEOUT`], and leaves
//! nothing behind; without LibreOffice the message says how to convert the file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest a conversion may take: LibreOffice's first start on a slow laptop is seconds;
/// a minute means it hangs.
pub const TIMEOUT: Duration = Duration::from_mins(1);

/// The signature of a Word 97–2003 file (an OLE compound document).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Why a `.doc` could not be converted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error(
        "this is an old Word document (.doc); paratag converts it with LibreOffice, which is not \
         installed: install LibreOffice, or save the file as .docx in Word"
    )]
    NoConverter,
    #[error("LibreOffice could not convert this old Word document (.doc): {0}")]
    Failed(String),
    #[error("LibreOffice took more than {} s to convert this old Word document (.doc)", TIMEOUT.as_secs())]
    TimedOut,
}

/// Whether bytes are an old Word (OLE) document.
pub fn is_doc(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_MAGIC)
}

/// LibreOffice's command, if it is installed: `soffice` or `libreoffice` on the `PATH`.
pub fn converter() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Convert the `.doc` at `file` to the bytes of a `.docx` with LibreOffice.
pub fn convert(file: &Path) -> Result<Vec<u8>, DocError> {
    let program = converter().ok_or(DocError::NoConverter)?;
    convert_with(&program, file, TIMEOUT)
}

/// Convert with the converter at `program` (LibreOffice's command line: `--headless
/// --convert-to docx --outdir DIR FILE` writes `DIR/STEM.docx`).
pub fn convert_with(program: &Path, file: &Path, timeout: Duration) -> Result<Vec<u8>, DocError> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let work = std::env::temp_dir().join(format!(
        "paratag-doc-{}-{}",
        std::process::id(),
        since.as_nanos()
    ));
    let failed = |what: &dyn std::fmt::Display| DocError::Failed(what.to_string());
    std::fs::create_dir_all(&work).map_err(|e| failed(&e))?;
    let result = run(program, file, &work, timeout);
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn run(program: &Path, file: &Path, work: &Path, timeout: Duration) -> Result<Vec<u8>, DocError> {
    let failed = |what: &dyn std::fmt::Display| DocError::Failed(what.to_string());
    // LibreOffice keeps a profile; a private one lets it run beside an open LibreOffice window.
    let profile = format!("-env:UserInstallation=file://{}/profile", work.display());
    let mut child = std::process::Command::new(program)
        .arg(profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(work)
        .arg(file)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        // To a file, not a pipe: a pipe nobody reads while it runs could fill and stall it.
        .stderr(std::fs::File::create(work.join("stderr")).map_err(|e| failed(&e))?)
        .spawn()
        .map_err(|e| failed(&e))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| failed(&e))? {
            Some(status) => break status,
            None if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(DocError::TimedOut);
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    // `report.zh.doc` becomes `report.zh.docx` (not `report.docx`: only the last extension
    // is LibreOffice's to change).
    let converted = file.file_stem().map(|stem| {
        let mut name = stem.to_owned();
        name.push(".docx");
        work.join(name)
    });
    match converted.map(std::fs::read) {
        Some(Ok(bytes)) if status.success() => Ok(bytes),
        _ => {
            let stderr = std::fs::read_to_string(work.join("stderr")).unwrap_or_default();
            // The last line that says something other than a warning about Java.
            let said = stderr
                .lines()
                .map(str::trim)
                .rfind(|line| !line.is_empty() && !line.contains("javaldx"))
                .unwrap_or_default()
                .to_owned();
            Err(failed(&if said.is_empty() {
                format!("it exited with {status} and wrote no .docx")
            } else {
                said
            }))
        }
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;
    use crate::scratch::Scratch;

    /// A stand-in for LibreOffice's command line: a script that does what `behaviour` says.
    fn fake_converter(dir: &Path, behaviour: &str) -> PathBuf {
        let script = dir.join("soffice");
        std::fs::write(&script, format!("#!/bin/sh\n{behaviour}\n")).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        script
    }

    /// The conversions' folders of this process that exist now.
    fn leftovers() -> usize {
        let prefix = format!("paratag-doc-{}-", std::process::id());
        std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
            .count()
    }

    /// One test, so that no other conversion runs while it counts leftovers.
    #[test]
    fn a_conversion_is_read_or_says_why_not_and_leaves_nothing_behind() {
        let scratch = Scratch::new("doc-test-convert");
        let dir = scratch.path().to_path_buf();
        // A name with two dots: LibreOffice writes `report.zh.docx`.
        let file = dir.join("report.zh.doc");
        std::fs::write(&file, OLE_MAGIC).unwrap();
        let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-layout.zh.docx");
        // Arguments: profile, --headless, --norestore, --convert-to, docx, --outdir, DIR, FILE.
        let converter = fake_converter(
            &dir,
            &format!("cp '{}' \"$7/report.zh.docx\"", docx.display()),
        );
        let bytes = convert_with(&converter, &file, TIMEOUT).unwrap();
        assert_eq!(bytes, std::fs::read(&docx).unwrap());
        assert_eq!(
            crate::parse::parse(&bytes).unwrap().paragraphs().count(),
            22
        );
        assert_eq!(leftovers(), 0);

        // What LibreOffice says last on a machine without Java is not the reason.
        let broken = fake_converter(
            &dir,
            "echo 'Error: source file could not be loaded' >&2; \
             echo 'Warning: failed to launch javaldx - java may not function correctly' >&2; \
             exit 1",
        );
        let error = convert_with(&broken, &file, TIMEOUT).unwrap_err();
        assert_eq!(
            error,
            DocError::Failed("Error: source file could not be loaded".to_owned())
        );
        assert_eq!(leftovers(), 0);

        let silent = fake_converter(&dir, "exit 0");
        assert!(matches!(
            convert_with(&silent, &file, TIMEOUT),
            Err(DocError::Failed(said)) if said.contains("wrote no .docx")
        ));

        let hung = fake_converter(&dir, "sleep 30");
        let started = Instant::now();
        let error = convert_with(&hung, &file, Duration::from_millis(300)).unwrap_err();
        assert_eq!(error, DocError::TimedOut);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the converter was not stopped"
        );
        assert_eq!(leftovers(), 0);
    }
}
