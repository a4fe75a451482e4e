//! Writing a user's work to disk so that it is never lost, and reading files without hanging.
//!
//! A save resolves symbolic links (the link's target is what gets written, with its mode and
//! owner kept), refuses what is not a regular file, a file the user cannot write (read-only:
//! Save As instead) and, unless the user agreed, a file with other names (hard links, which an
//! atomic save would separate from it); reads the file as it is now and refuses if someone else
//! changed it since it was opened; keeps the previous version as `NAME.bak`; then writes the new
//! bytes atomically (temporary file in the same directory, fsync, rename, fsync the directory:
//! atomic-write-file). A crash or a full disk at any point leaves the previous file whole. File
//! operations go through [`Disk`] so that tests can make any one of them fail.
//!
//! Every read of a file a user names goes through [`read_regular`]: only regular files (a
//! named pipe would block forever, `/dev/zero` never ends), and never more than a stated limit.

use std::ffi::OsString;
use std::io::{self, Read as _, Write as _};
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
        read_regular(path, MAX_SAVED_BYTES).map_err(ReadError::into_io)
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
    #[error("it is {0}, not a file")]
    NotAFile(NotAFile),
    #[error("the file is read-only")]
    ReadOnly,
    #[error(
        "the file has {others} other name(s) (hard links); saving would give it a new copy and \
         leave them with the old one"
    )]
    HardLinked { others: u64 },
    #[error("it is {0}, which must not be written over")]
    Protected(Protected),
    #[error("could not {step}: {source}")]
    Io {
        step: &'static str,
        #[source]
        source: io::Error,
    },
}

/// A file that a write must never replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protected {
    /// The report being read.
    Report,
    /// A paratag tags file (the one being exported, or any other).
    TagsFile,
}

impl std::fmt::Display for Protected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Report => "the report itself",
            Self::TagsFile => "a paratag tags file",
        })
    }
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    Fifo,
    Device,
    Socket,
    Other,
}

impl NotAFile {
    /// `None` for a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<Self> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(Self::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Some(Self::Fifo);
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Some(Self::Device);
            }
            if file_type.is_socket() {
                return Some(Self::Socket);
            }
        }
        Some(Self::Other)
    }
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Directory => "a folder",
            Self::Fifo => "a named pipe",
            Self::Device => "a device",
            Self::Socket => "a socket",
            Self::Other => "something other than a file",
        })
    }
}

/// The most a tags file (or any file paratag saves and reads back) may hold: far above any
/// delegate's tags, far below what would exhaust a laptop's memory.
pub const MAX_SAVED_BYTES: u64 = 128 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("it is {0}, not a file")]
    NotAFile(NotAFile),
    #[error("the file is more than {limit_mib} MiB, too large to read")]
    TooLarge { limit_mib: u64 },
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl ReadError {
    /// Whether there is no file at all (the tags file of a report not yet tagged).
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::Io(error) if error.kind() == io::ErrorKind::NotFound)
    }

    /// As an I/O error, for callers that speak only `io::Error`.
    pub fn into_io(self) -> io::Error {
        match self {
            Self::Io(error) => error,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// Open a regular file for reading. Named pipes, devices and folders are refused without being
/// opened for reading (a pipe would block until a writer comes, `/dev/zero` never ends).
fn open_regular(path: &Path) -> Result<(std::fs::File, u64), ReadError> {
    let metadata = std::fs::metadata(path)?;
    if let Some(kind) = NotAFile::of(metadata.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should a pipe be put in the file's place after the look above, opening it does not
        // wait for a writer.
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let opened = file.metadata()?;
    if let Some(kind) = NotAFile::of(opened.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    Ok((file, opened.len()))
}

/// Read a regular file of at most `limit` bytes (see [`open_regular`] for what is refused); the
/// read stops past the limit even if the file grows meanwhile.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let too_large = || ReadError::TooLarge {
        limit_mib: limit / (1024 * 1024),
    };
    let (file, len) = open_regular(path)?;
    if len > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The first `count` bytes of a regular file (fewer if it is shorter), to tell what it is.
pub fn read_head(path: &Path, count: u64) -> Result<Vec<u8>, ReadError> {
    let (file, _) = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(count).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The file a path finally names: symbolic links followed (relative ones from the link's
/// folder), also when the last target does not exist yet. Saving writes there, so that a link
/// stays a link and its target gets the new content.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many hops as the kernel allows (Linux's MAXSYMLINKS), so a loop ends.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// What a save may do that it otherwise asks about first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Allow {
    /// Replace a file that has other names (hard links): they keep the previous version.
    pub breaking_hard_links: bool,
}

/// Whether the file (which exists) may be replaced by a save: a regular file that the user can
/// write and, unless allowed, with no other names.
fn check_replaceable(path: &Path, allow: Allow) -> Result<(), SaveError> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(SaveError::Io {
                step: "look at the file before saving",
                source,
            });
        }
    };
    if let Some(kind) = NotAFile::of(metadata.file_type()) {
        return Err(SaveError::NotAFile(kind));
    }
    // No write permission for anyone is read-only, as editors treat it, even for root (who could
    // write it anyway); otherwise the system decides whether this user may write it.
    if metadata.permissions().readonly() {
        return Err(SaveError::ReadOnly);
    }
    if let Err(error) = std::fs::OpenOptions::new().write(true).open(path)
        && error.kind() == io::ErrorKind::PermissionDenied
    {
        return Err(SaveError::ReadOnly);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        // The `.bak` of a save that failed after keeping it is a name of the file too, and
        // not one the user made.
        let backup = usize::from(same_file(path, &backup_path(path)));
        let others = metadata.nlink().saturating_sub(1 + backup as u64);
        if others > 0 && !allow.breaking_hard_links {
            return Err(SaveError::HardLinked { others });
        }
    }
    #[cfg(not(unix))]
    let _ = allow;
    Ok(())
}

/// Where the previous version is kept: `NAME.bak` beside the file.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Save `bytes` to `path` (through symbolic links, to their target). `expected` is what the file
/// held when it was opened or last saved (`None` to skip the check, e.g. after the user chose to
/// overwrite). Returns the new stamp.
pub fn save(
    disk: &dyn Disk,
    path: &Path,
    bytes: &[u8],
    expected: Option<&Stamp>,
    allow: Allow,
) -> Result<Stamp, SaveError> {
    let path = &resolve_links(path).map_err(|source| SaveError::Io {
        step: "follow the link to the file",
        source,
    })?;
    check_replaceable(path, allow)?;
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

/// Write an exported file (a briefing note) to `path`, atomically, through symbolic links. It
/// never replaces a folder, a pipe or a device, a read-only file, any of the `protected` files
/// (the report and tags file it was made from), or a paratag tags file; nothing is left behind
/// when it refuses.
pub fn write_export(
    disk: &dyn Disk,
    path: &Path,
    bytes: &[u8],
    protected: &[(&Path, Protected)],
) -> Result<(), SaveError> {
    let path = &resolve_links(path).map_err(|source| SaveError::Io {
        step: "follow the link to the file",
        source,
    })?;
    if std::fs::symlink_metadata(path).is_ok() {
        for (other, what) in protected {
            if same_file(path, other) {
                return Err(SaveError::Protected(*what));
            }
        }
        check_replaceable(
            path,
            Allow {
                breaking_hard_links: true,
            },
        )?;
        let head = read_head(path, 512).unwrap_or_default();
        if crate::tags_file::looks_like_tags_file(&head) {
            return Err(SaveError::Protected(Protected::TagsFile));
        }
    }
    disk.write_atomic(path, bytes)
        .map_err(|source| SaveError::Io {
            step: "write the file",
            source,
        })
}

/// Whether two paths name one file: the same inode (so also through hard links), or where
/// that cannot be told the same canonical path.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::scratch::Scratch;

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
        let scratch = Scratch::new("storage-bak");
        let dir = scratch.path().to_path_buf();
        let path = dir.join("r.tags.ron");
        let first = save(
            &RealDisk,
            &path,
            b"one",
            Some(&Stamp::of(None)),
            Allow::default(),
        )
        .unwrap();
        assert!(
            !backup_path(&path).exists(),
            "nothing to back up the first time"
        );
        let second = save(&RealDisk, &path, b"two", Some(&first), Allow::default()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"one");
        // The next save replaces the .bak, and the .bak is not the live file under a second
        // name: writing the file never changes it.
        save(&RealDisk, &path, b"three", Some(&second), Allow::default()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"two");
    }

    #[test]
    fn a_file_changed_by_someone_else_is_not_overwritten() {
        let scratch = Scratch::new("storage-changed");
        let dir = scratch.path().to_path_buf();
        let path = dir.join("r.tags.ron");
        let stamp = save(
            &RealDisk,
            &path,
            b"mine",
            Some(&Stamp::of(None)),
            Allow::default(),
        )
        .unwrap();
        std::fs::write(&path, b"theirs").unwrap();
        let error = save(
            &RealDisk,
            &path,
            b"mine again",
            Some(&stamp),
            Allow::default(),
        )
        .unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk));
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        // The user chose to overwrite.
        save(&RealDisk, &path, b"mine again", None, Allow::default()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"mine again");
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_previous_file_intact() {
        let scratch = Scratch::new("storage-faults");
        let dir = scratch.path().to_path_buf();
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
            let error = save(&disk, &path, b"next", Some(&stamp), Allow::default()).unwrap_err();
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
        save(&disk, &path, b"next", None, Allow::default()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"next");
    }

    #[test]
    fn stray_temporaries_of_this_file_are_cleaned_and_nothing_else() {
        let scratch = Scratch::new("storage-stray");
        let dir = scratch.path().to_path_buf();
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
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    fn set_mode(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[cfg(unix)]
    fn mkfifo(path: &Path) {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    }

    #[cfg(unix)]
    #[test]
    fn a_save_through_a_symbolic_link_writes_its_target_and_keeps_its_mode() {
        let scratch = Scratch::new("storage-symlink");
        let dir = scratch.path().to_path_buf();
        std::fs::create_dir(dir.join("real")).unwrap();
        let target = dir.join("real/r.tags.ron");
        std::fs::write(&target, b"one").unwrap();
        set_mode(&target, 0o600);
        let link = dir.join("r.tags.ron");
        std::os::unix::fs::symlink("real/r.tags.ron", &link).unwrap();
        save(
            &RealDisk,
            &link,
            b"two",
            Some(&Stamp::of(Some(b"one"))),
            Allow::default(),
        )
        .unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
        assert_eq!(
            mode(&target),
            0o600,
            "not world-writable, as the target was"
        );
        assert_eq!(std::fs::read(backup_path(&target)).unwrap(), b"one");
        // A link to a file that does not exist yet: the file is made where it points.
        let dangling = dir.join("new.tags.ron");
        std::os::unix::fs::symlink(dir.join("real/new.tags.ron"), &dangling).unwrap();
        save(
            &RealDisk,
            &dangling,
            b"new",
            Some(&Stamp::of(None)),
            Allow::default(),
        )
        .unwrap();
        assert_eq!(
            std::fs::read(dir.join("real/new.tags.ron")).unwrap(),
            b"new"
        );
        // A loop of links is an error, not a hang.
        std::os::unix::fs::symlink(dir.join("loop-b"), dir.join("loop-a")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop-a"), dir.join("loop-b")).unwrap();
        assert!(save(&RealDisk, &dir.join("loop-a"), b"x", None, Allow::default()).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_left_alone() {
        let scratch = Scratch::new("storage-readonly");
        let dir = scratch.path().to_path_buf();
        let path = dir.join("r.tags.ron");
        std::fs::write(&path, b"theirs").unwrap();
        set_mode(&path, 0o444);
        let error = save(&RealDisk, &path, b"mine", None, Allow::default()).unwrap_err();
        assert!(matches!(error, SaveError::ReadOnly), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
        assert_eq!(mode(&path), 0o444);
        assert!(!backup_path(&path).exists());
        let error = write_export(&RealDisk, &path, b"note", &[]).unwrap_err();
        assert!(matches!(error, SaveError::ReadOnly), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"theirs");
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_link_is_broken_only_when_allowed() {
        let scratch = Scratch::new("storage-hardlink");
        let dir = scratch.path().to_path_buf();
        let path = dir.join("r.tags.ron");
        let other = dir.join("shared.tags.ron");
        std::fs::write(&path, b"one").unwrap();
        std::fs::hard_link(&path, &other).unwrap();
        let error = save(&RealDisk, &path, b"two", None, Allow::default()).unwrap_err();
        assert!(
            matches!(error, SaveError::HardLinked { others: 1 }),
            "{error}"
        );
        assert_eq!(std::fs::read(&other).unwrap(), b"one");
        let allow = Allow {
            breaking_hard_links: true,
        };
        save(&RealDisk, &path, b"two", None, allow).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(&other).unwrap(), b"one");
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_folders_are_refused_without_blocking() {
        let scratch = Scratch::new("storage-special");
        let dir = scratch.path().to_path_buf();
        let fifo = dir.join("pipe.tags.ron");
        mkfifo(&fifo);
        for (path, kind) in [
            (fifo.as_path(), NotAFile::Fifo),
            (Path::new("/dev/zero"), NotAFile::Device),
            (dir.as_path(), NotAFile::Directory),
        ] {
            let error = read_regular(path, MAX_SAVED_BYTES).unwrap_err();
            assert!(
                matches!(error, ReadError::NotAFile(found) if found == kind),
                "{error}"
            );
            assert!(matches!(read_head(path, 512), Err(ReadError::NotAFile(_))));
        }
        let error = save(&RealDisk, &fifo, b"x", None, Allow::default()).unwrap_err();
        assert!(
            matches!(error, SaveError::NotAFile(NotAFile::Fifo)),
            "{error}"
        );
        let error = write_export(&RealDisk, &fifo, b"x", &[]).unwrap_err();
        assert!(
            matches!(error, SaveError::NotAFile(NotAFile::Fifo)),
            "{error}"
        );
        let error = write_export(&RealDisk, &dir, b"x", &[]).unwrap_err();
        assert!(
            matches!(error, SaveError::NotAFile(NotAFile::Directory)),
            "{error}"
        );
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["pipe.tags.ron"], "nothing left behind");
    }

    #[test]
    fn a_read_stops_at_its_limit() {
        let scratch = Scratch::new("storage-limit");
        let dir = scratch.path().to_path_buf();
        let path = dir.join("big");
        std::fs::write(&path, vec![b'a'; 4096]).unwrap();
        assert_eq!(read_regular(&path, 4096).unwrap().len(), 4096);
        assert!(matches!(
            read_regular(&path, 4095),
            Err(ReadError::TooLarge { .. })
        ));
        assert_eq!(read_head(&path, 10).unwrap(), b"aaaaaaaaaa");
    }

    #[test]
    fn an_export_never_replaces_the_report_or_a_tags_file() {
        let scratch = Scratch::new("storage-export");
        let dir = scratch.path().to_path_buf();
        let report = dir.join("r.txt");
        let tags = dir.join("r.tags.ron");
        let other_tags = dir.join("other.tags.ron");
        std::fs::write(&report, b"1. text").unwrap();
        std::fs::write(&tags, b"// paratag tags file\n(\n    format: 1,\n)").unwrap();
        std::fs::write(&other_tags, b"(format: 1, document: ())").unwrap();
        let protected = [
            (report.as_path(), Protected::Report),
            (tags.as_path(), Protected::TagsFile),
        ];
        for (path, what) in [
            (&report, Protected::Report),
            (&tags, Protected::TagsFile),
            (&other_tags, Protected::TagsFile),
        ] {
            let before = std::fs::read(path).unwrap();
            let error = write_export(&RealDisk, path, b"# note", &protected).unwrap_err();
            assert!(
                matches!(error, SaveError::Protected(found) if found == what),
                "{error}"
            );
            assert_eq!(std::fs::read(path).unwrap(), before);
        }
        #[cfg(unix)]
        {
            // Also under another name.
            let link = dir.join("note.md");
            std::os::unix::fs::symlink(&tags, &link).unwrap();
            assert!(write_export(&RealDisk, &link, b"# note", &protected).is_err());
            let hard = dir.join("hard.md");
            std::fs::hard_link(&report, &hard).unwrap();
            assert!(write_export(&RealDisk, &hard, b"# note", &protected).is_err());
        }
        // A new file, and an earlier note, are written.
        let note = dir.join("briefing.md");
        write_export(&RealDisk, &note, b"# one", &protected).unwrap();
        write_export(&RealDisk, &note, b"# two", &protected).unwrap();
        assert_eq!(std::fs::read(&note).unwrap(), b"# two");
    }
}
