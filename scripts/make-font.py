#!/usr/bin/env python3
"""Make assets/fonts/NotoSansCJKsc-Regular-paratag.otf: Noto Sans CJK SC Regular cut down to what
paratag needs, so that the binary carries its own Chinese font at a few megabytes instead of 19.

The subset covers every character of GB 2312 (the 6,763 hanzi and 682 symbols that every
Simplified Chinese text uses), every character of the reports in seeds/, ASCII, Latin-1 and
Latin Extended-A (French, Spanish), general and CJK punctuation, full-width forms, and the
arrows and symbols the interface shows. Characters outside it are still drawn: the app leaves
eframe's system-font fallback on.

    apt-get install fonts-noto-cjk && pip install fonttools
    scripts/make-font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

Noto Sans CJK is under the SIL Open Font License 1.1 (assets/fonts/OFL.txt); the subset is a
Modified Version under the same licence and keeps no Reserved Font Name."""

import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                      "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "assets" / "fonts" / "NotoSansCJKsc-Regular-paratag.otf"
SC_FAMILY = "Noto Sans CJK SC"


def gb2312_characters():
    """Every character GB 2312 encodes, found by encoding each candidate code point."""
    chars = set()
    for code in range(0x80, 0x10000):
        c = chr(code)
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        chars.add(code)
    return chars


def wanted_code_points():
    points = gb2312_characters()
    ranges = [
        (0x20, 0x7E),      # ASCII
        (0xA0, 0x17F),     # Latin-1 and Latin Extended-A
        (0x2000, 0x206F),  # general punctuation
        (0x2190, 0x21FF),  # arrows (shortcut hints)
        (0x2300, 0x23FF),  # technical symbols (⌘, ⌫, ⏎)
        (0x25A0, 0x25FF),  # geometric shapes (tag marks)
        (0x2600, 0x26FF),  # miscellaneous symbols
        (0x2700, 0x27BF),  # dingbats (✓, ✗)
        (0x3000, 0x303F),  # CJK punctuation
        (0xFF00, 0xFFEF),  # full-width forms
    ]
    for start, end in ranges:
        points.update(range(start, end + 1))
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        points.update(ord(c) for c in seed.read_text(encoding="utf-8") if ord(c) >= 0x20)
    return points


def main():
    collection = TTCollection(str(SOURCE))
    index = next(i for i, font in enumerate(collection.fonts)
                 if font["name"].getDebugName(1) == SC_FAMILY)
    options = subset.Options()
    options.font_number = index
    options.layout_features = ["*"]  # keep vertical forms, proportional punctuation …
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False          # CFF hints are not used by egui's rasteriser
    options.desubroutinize = False
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_code_points())
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(OUT), options)
    cmap = font.getBestCmap()
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size / 1e6:.2f} MB, {len(cmap)} characters")


if __name__ == "__main__":
    main()
