//! Writing a user's work to disk so that it is never lost.
//!
//! A save reads the file as it is now and refuses if someone else changed it since it was
//! opened; keeps the previous version as `NAME.bak`; then writes the new bytes atomically
//! (temporary file in the same directory, fsync, rename, fsync the directory: atomic-write-file).
//! A crash or a full disk at any point leaves the previous file whole. File operations go
//! through [`Disk`] so that tests can make any one of them fail.

use std::ffi::OsString;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// The file operations a save makes.
pub trait Disk {
    /// The file's bytes; `ErrorKind::NotFound` when there is none.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Replace the file with `bytes` atomically and durably.
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Keep the file at `from` as `to` (whose bytes are `bytes`), replacing any old `to`.
    fn keep_copy(&self, from: &Path, to: &Path, bytes: &[u8]) -> io::Result<()>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
        file.write_all(bytes)?;
        file.commit()
    }

    /// A hard link costs nothing and keeps the old file's data when the save renames the new
    /// file over its name; where links are not supported (FAT, some network shares), a copy.
    fn keep_copy(&self, from: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
        match std::fs::remove_file(to) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
        std::fs::hard_link(from, to).or_else(|_| self.write_atomic(to, bytes))
    }
}

/// What a file held when paratag last read or wrote it: its length and a hash of its content,
/// or nothing. Stamps live only in memory, so a fast hash is enough to notice a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp(Option<(usize, u64)>);

impl Stamp {
    /// The stamp of bytes (or of no file).
    pub fn of(bytes: Option<&[u8]>) -> Self {
        Self(bytes.map(|bytes| {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hasher::write(&mut hasher, bytes);
            (bytes.len(), std::hash::Hasher::finish(&hasher))
        }))
    }

    /// The stamp of the file at `path` as it is now.
    pub fn read(disk: &dyn Disk, path: &Path) -> io::Result<Self> {
        match disk.read(path) {
            Ok(bytes) => Ok(Self::of(Some(&bytes))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Self::of(None)),
            Err(error) => Err(error),
        }
    }
}

/// Why a save did not happen. In every case the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the file was changed by another program since paratag opened it")]
    ChangedOnDisk,
    #[error("could not {step}: {source}")]
    Io {
        step: &'static str,
        #[source]
        source: io::Error,
    },
}

/// Where the previous version is kept: `NAME.bak` beside the file.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Save `bytes` to `path`. `expected` is what the file held when it was opened or last saved
/// (`None` to skip the check, e.g. after the user chose to overwrite). Returns the new stamp.
pub fn save(
    disk: &dyn Disk,
    path: &Path,
    bytes: &[u8],
    expected: Option<&Stamp>,
) -> Result<Stamp, SaveError> {
    let current = match disk.read(path) {
        Ok(current) => Some(current),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io {
                step: "read the file before saving",
                source,
            });
        }
    };
    if let Some(expected) = expected
        && Stamp::of(current.as_deref()) != *expected
    {
        return Err(SaveError::ChangedOnDisk);
    }
    if let Some(current) = &current
        && current.as_slice() != bytes
    {
        disk.keep_copy(path, &backup_path(path), current)
            .map_err(|source| SaveError::Io {
                step: "keep the previous version as .bak",
                source,
            })?;
    }
    disk.write_atomic(path, bytes)
        .map_err(|source| SaveError::Io {
            step: "write the file",
            source,
        })?;
    Ok(Stamp::of(Some(bytes)))
}

/// Remove temporary files that an interrupted save of `path` left beside it
/// (atomic-write-file names them `.NAME.XXXXXX`). Returns what was removed.
pub fn clean_stray_temporaries(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let Some(prefix) = prefix.to_str().map(str::to_owned) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let is_stray = file_name.strip_prefix(&prefix).is_some_and(|suffix| {
            suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        if is_stray && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("paratag-storage-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The real disk, except that operation number `fail_at` (from 0) fails like a full disk.
    struct FailingDisk {
        fail_at: usize,
        count: Cell<usize>,
    }

    impl FailingDisk {
        fn tick(&self) -> io::Result<()> {
            let at = self.count.get();
            self.count.set(at + 1);
            if at == self.fail_at {
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            } else {
                Ok(())
            }
        }
    }

    impl Disk for FailingDisk {
        fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
            self.tick()?;
            RealDisk.read(path)
        }

        fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
            self.tick()?;
            RealDisk.write_atomic(path, bytes)
        }

        fn keep_copy(&self, from: &Path, to: &Path, bytes: &[u8]) -> io::Result<()> {
            self.tick()?;
            RealDisk.keep_copy(from, to, bytes)
        }
    }

    #[test]
    fn save_keeps_the_previous_version_as_bak() {
        let dir = scratch("bak");
        let path = dir.join("r.tags.ron");
        let first = save(&RealDisk, &path, b"one", Some(&Stamp::of(None))).unwrap();
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up the first time"
        );
        let second = save(&RealDisk, &path, b"two", Some(&first)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"one");
        // The next save replaces the .bak, and the .bak is not the live file under a second
        // name: writing the file never changes it.
        save(&RealDisk, &path, b"three", Some(&second)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"two");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_changed_by_someone_else_is_not_overwritten() {
        let dir = scratch("changed");
        let path = dir.join("r.tags.ron");
        let stamp = save(&RealDisk, &path, b"mine", Some(&Stamp::of(None))).unwrap();
        std::fs::write(&path, b"theirs").unwrap();
        let error = save(&RealDisk, &path, b"mine again", Some(&stamp)).unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        // The user chose to overwrite.
        save(&RealDisk, &path, b"mine again", None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"mine again");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_previous_file_intact() {
        let dir = scratch("faults");
        let path = dir.join("r.tags.ron");
        let operations = 3; // read, write the .bak, write the file
        for fail_at in 0..operations {
            std::fs::write(&path, b"previous").unwrap();
            let _ = std::fs::remove_file(backup_path(&path));
            let disk = FailingDisk {
                fail_at,
                count: Cell::new(0),
            };
            let stamp = Stamp::of(Some(b"previous"));
            let error = save(&disk, &path, b"next", Some(&stamp)).unwrap_err();
            assert!(
                error.to_string().contains("no space left"),
                "{fail_at}: {error}"
            );
            assert_eq!(
                std::fs::read(&path).unwrap(),
                b"previous",
                "failing operation {fail_at}"
            );
            let leftovers: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .map(|entry| entry.file_name())
                .filter(|name| name.to_string_lossy().starts_with('.'))
                .collect();
            assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
        }
        // And with no failure, the save goes through.
        let disk = FailingDisk {
            fail_at: operations,
            count: Cell::new(0),
        };
        save(&disk, &path, b"next", None).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"next");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stray_temporaries_of_this_file_are_cleaned_and_nothing_else() {
        let dir = scratch("stray");
        let path = dir.join("r.tags.ron");
        for name in [
            ".r.tags.ron.a1B2c3",
            ".r.tags.ron.zzzzzz",
            ".r.tags.ron.toolong1",
            ".other.ron.abcdef",
            "r.tags.ron",
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        let mut removed: Vec<String> = clean_stray_temporaries(&path)
            .iter()
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        removed.sort();
        assert_eq!(removed, [".r.tags.ron.a1B2c3", ".r.tags.ron.zzzzzz"]);
        assert!(dir.join(".r.tags.ron.toolong1").exists());
        assert!(dir.join(".other.ron.abcdef").exists());
        assert!(path.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
