//! A fast reader for tags files exactly as [`super::to_string`] writes them.
//!
//! ron reads a 10,000-entry file in about 23 ms, half the budget of a save, which parses what
//! it is about to write before anything touches the disk. This reader accepts only the bytes
//! `to_string` produces — the same header, indentation, field order, escapes and decimal
//! numbers — so that whatever it reads is, by construction, a file that `to_string` wrote:
//! `to_string(&read(text)?) == text`. The tests and the `tags_file` fuzz target check that
//! property and that ron reads every such text to the same value. Anything else (a file
//! edited by hand, saved with CRLF, reformatted) returns `None` and is read by ron, which also
//! gives the line and column of a mistake.

use super::{DocumentRef, Entry, HEADER, TagsFile, VersionText};

/// Read `text` if it is exactly what `to_string` writes for some tags file.
pub fn read(text: &str) -> Option<TagsFile> {
    let mut cursor = Cursor { rest: text };
    cursor.expect(HEADER)?;
    let format = cursor.number()?;
    cursor.expect(",\n    document: (\n")?;
    let document = cursor.document(8)?;
    cursor.expect("    ),\n")?;
    let revision = cursor.optional_field(4, "revision").ok()?;
    let ancestors = cursor.optional_list("    ancestors: [")?;
    let mut versions = Vec::new();
    if cursor.eat("    versions: [\n") {
        while cursor.eat("        (\n") {
            versions.push(cursor.document(12)?);
            cursor.expect("        ),\n")?;
        }
        cursor.expect("    ],\n")?;
        // `to_string` writes the list only when it holds something.
        if versions.is_empty() {
            return None;
        }
    }
    cursor.expect("    annotations: [\n")?;
    let mut annotations = Vec::new();
    while cursor.eat("        (\n") {
        annotations.push(cursor.entry()?);
    }
    cursor.expect("    ],\n)\n")?;
    cursor.rest.is_empty().then_some(TagsFile {
        format,
        document,
        revision,
        ancestors,
        versions,
        annotations,
    })
}

/// The text is not as `to_string` writes it.
struct NotWritten;

impl Cursor<'_> {
    /// One entry of `annotations`, after its opening line.
    fn entry(&mut self) -> Option<Entry> {
        self.expect("            paragraph: ")?;
        let paragraph = self.number()?;
        self.expect(",\n")?;
        let fingerprint = self.field(12, "fingerprint")?;
        let quote = self.field(12, "quote")?;
        self.expect("            tags: [")?;
        let tags = self.strings()?;
        self.expect(",\n")?;
        let note = self.field(12, "note")?;
        let changed = self.field(12, "changed")?;
        let dismissed = self.optional_list("            dismissed: [")?;
        let part = self.optional_field(12, "part").ok()?;
        let author = self.optional_field(12, "author").ok()?;
        let conflicts = self.optional_list("            conflicts: [")?;
        let revision = self.optional_field(12, "revision").ok()?;
        let mut texts = Vec::new();
        if self.eat("            versions: [\n") {
            while self.eat("                (\n") {
                texts.push(VersionText {
                    language: self.field(20, "language")?,
                    fingerprint: self.field(20, "fingerprint")?,
                    quote: self.field(20, "quote")?,
                });
                self.expect("                ),\n")?;
            }
            self.expect("            ],\n")?;
            if texts.is_empty() {
                return None;
            }
        }
        self.expect("        ),\n")?;
        Some(Entry {
            paragraph,
            fingerprint,
            quote,
            tags,
            note,
            changed,
            versions: texts,
            dismissed,
            part,
            author,
            conflicts,
            revision,
        })
    }

    /// A string field `to_string` leaves out when it is `None`: `Ok(None)` when absent.
    fn optional_field(&mut self, indent: usize, name: &str) -> Result<Option<String>, NotWritten> {
        if self.at_field(indent, name) {
            self.field(indent, name).map(Some).ok_or(NotWritten)
        } else {
            Ok(None)
        }
    }

    /// A one-line list of strings `to_string` writes only when it holds something (`start` is
    /// everything up to its `[`): empty when absent, `None` when written empty or otherwise.
    fn optional_list(&mut self, start: &str) -> Option<Vec<String>> {
        if !self.eat(start) {
            return Some(Vec::new());
        }
        let list = self.strings()?;
        self.expect(",\n")?;
        (!list.is_empty()).then_some(list)
    }
}

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    /// The strings of a list up to its `]`, `"a", "b"`.
    fn strings(&mut self) -> Option<Vec<String>> {
        let mut strings = Vec::new();
        if !self.eat("]") {
            loop {
                strings.push(self.string()?);
                if self.eat("]") {
                    break;
                }
                self.expect(", ")?;
            }
        }
        Some(strings)
    }

    /// A document's reference, its fields at `indent`.
    fn document(&mut self, indent: usize) -> Option<DocumentRef> {
        let symbol = if self.at_field(indent, "symbol") {
            Some(self.field(indent, "symbol")?)
        } else {
            None
        };
        let language = self.field(indent, "language")?;
        let fingerprint = self.field(indent, "fingerprint")?;
        let file = if self.at_field(indent, "file") {
            Some(self.field(indent, "file")?)
        } else {
            None
        };
        Some(DocumentRef {
            symbol,
            language,
            fingerprint,
            file,
        })
    }
}

impl Cursor<'_> {
    /// Consume `literal` if the text continues with it.
    fn eat(&mut self, literal: &str) -> bool {
        match self.rest.strip_prefix(literal) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn expect(&mut self, literal: &str) -> Option<()> {
        self.eat(literal).then_some(())
    }

    /// A `u32` in decimal as `{}` formats it: no sign, no leading zero, no overflow.
    fn number(&mut self) -> Option<u32> {
        let digits = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        let text = &self.rest[..digits];
        if digits == 0 || (digits > 1 && text.starts_with('0')) {
            return None;
        }
        let value = text.parse().ok()?;
        self.rest = &self.rest[digits..];
        Some(value)
    }

    /// `name: "value",` and a newline, after `indent` spaces.
    fn field(&mut self, indent: usize, name: &str) -> Option<String> {
        self.field_start(indent, name)?;
        let value = self.string()?;
        self.expect(",\n")?;
        Some(value)
    }

    /// Whether the next line is the field `name` (`to_string` leaves out a field that is
    /// `None`).
    fn at_field(&self, indent: usize, name: &str) -> bool {
        let mut peek = Cursor { rest: self.rest };
        peek.field_start(indent, name).is_some()
    }

    fn field_start(&mut self, indent: usize, name: &str) -> Option<()> {
        let spaces = self
            .rest
            .bytes()
            .take(indent)
            .filter(|&b| b == b' ')
            .count();
        if spaces != indent {
            return None;
        }
        self.rest = &self.rest[indent..];
        self.expect(name)?;
        self.expect(": ")
    }

    /// A string literal with exactly the escapes `quoted` writes: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// and `\u{…}` (lower-case hex, no leading zero but NUL's `0`) for the other control
    /// characters, which never stand raw.
    fn string(&mut self) -> Option<String> {
        self.expect("\"")?;
        let mut value = String::new();
        loop {
            let bytes = self.rest.as_bytes();
            // Everything up to the next quote, backslash or control character is taken as is.
            // In UTF-8 a control character is a byte below 0x20, 0x7F, or 0xC2 followed by
            // 0x80–0x9F (U+0080–U+009F); no other sequence contains those bytes.
            let plain = bytes
                .iter()
                .enumerate()
                .position(|(i, &b)| {
                    b == b'"'
                        || b == b'\\'
                        || b < 0x20
                        || b == 0x7F
                        || (b == 0xC2 && bytes.get(i + 1).is_some_and(|&n| n < 0xA0))
                })
                .unwrap_or(bytes.len());
            value.push_str(&self.rest[..plain]);
            self.rest = &self.rest[plain..];
            let mut chars = self.rest.chars();
            match chars.next()? {
                '"' => {
                    self.rest = chars.as_str();
                    return Some(value);
                }
                '\\' => {
                    self.rest = chars.as_str();
                    value.push(self.escape()?);
                }
                _ => return None,
            }
        }
    }

    /// The character after a backslash.
    fn escape(&mut self) -> Option<char> {
        let mut chars = self.rest.chars();
        let c = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                self.rest = chars.as_str();
                self.expect("{")?;
                let digits = self
                    .rest
                    .bytes()
                    .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                    .count();
                let hex = &self.rest[..digits];
                if digits == 0 || digits > 6 || (digits > 1 && hex.starts_with('0')) {
                    return None;
                }
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                self.rest = &self.rest[digits..];
                self.expect("}")?;
                // `quoted` writes only control characters this way, and these three by letter.
                return (c.is_control() && !matches!(c, '\n' | '\r' | '\t')).then_some(c);
            }
            _ => return None,
        };
        self.rest = chars.as_str();
        Some(c)
    }
}
