//! The tests' scratch folder (unit and integration tests alike; feature `testing`):
//! `paratag-NAME-PID` in the system's temporary folder, emptied when made and removed when the
//! guard is dropped — also when the test fails, so that no run leaves folders behind and a
//! rerun starts clean.

use std::path::{Path, PathBuf};

/// A scratch folder, removed with the guard.
#[derive(Debug)]
pub struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    /// A new, empty folder named for the test (and this process: tests run in parallel).
    ///
    /// # Panics
    /// When the folder cannot be made: the test cannot run.
    #[allow(clippy::expect_used)] // a test that cannot make its folder must fail loudly
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("paratag-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder in the temporary folder");
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// A path in the folder.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
