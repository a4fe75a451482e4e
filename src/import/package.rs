//! ZIP packages of XML parts (Word's `.docx`, OpenDocument's `.odt`), read part by part with a
//! size limit, so that a ZIP bomb is refused rather than inflated.

use std::io::Read as _;

/// The most one part of a package may inflate to.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Why a package's part could not be read; each format words it for its own documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageError {
    /// The ZIP itself cannot be read.
    Damaged(String),
    Xml {
        part: String,
        problem: String,
    },
    TooLarge {
        part: String,
        limit_mib: u64,
    },
    Encrypted,
}

/// The ZIP package, read part by part with a limit.
#[derive(Debug)]
pub struct Package<'a> {
    archive: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, PackageError> {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|error| PackageError::Damaged(error.to_string()))?;
        Ok(Self { archive })
    }

    /// A part's text, `None` when the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, PackageError> {
        let file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(what)) if what.contains("ncrypt") => {
                return Err(PackageError::Encrypted);
            }
            Err(error) => return Err(PackageError::Damaged(error.to_string())),
        };
        if file.encrypted() {
            return Err(PackageError::Encrypted);
        }
        let mut bytes = Vec::new();
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| PackageError::Damaged(error.to_string()))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(PackageError::TooLarge {
                part: name.to_owned(),
                limit_mib: MAX_PART_BYTES / (1024 * 1024),
            });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        // XML parts are UTF-8 (office suites write nothing else); a stray bad byte is replaced.
        Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
    }
}

/// A part's XML (roxmltree refuses DTDs, so no entity bombs).
pub fn xml<'x>(part: &str, xml: &'x str) -> Result<roxmltree::Document<'x>, PackageError> {
    roxmltree::Document::parse(xml).map_err(|error| PackageError::Xml {
        part: part.to_owned(),
        problem: error.to_string(),
    })
}
