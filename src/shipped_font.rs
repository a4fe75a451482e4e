//! The font paratag ships: Noto Sans CJK SC Regular, cut to GB 2312, Latin-1 and Latin
//! Extended-A, the seeds and the interface's symbols by `scripts/make-font.py` (SIL Open Font
//! License 1.1, `assets/fonts/OFL.txt`). The window draws with it and the PDF briefing note
//! embeds it, so no character of a Chinese report depends on what the machine has installed.

pub const BYTES: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Regular-paratag.otf");

/// Its name where a font needs one.
pub const NAME: &str = "Noto Sans CJK SC (paratag subset)";
