"""Which files are fonts: the suffixes of the single-font and collection files that fontTools and
fontconfig read (OpenType and TrueType). One list, because the caches of a style's fonts are keyed
by the files it picks, in the WeasyPrint and the Typst engine alike."""

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
