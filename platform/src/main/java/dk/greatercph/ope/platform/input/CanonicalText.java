package dk.greatercph.ope.platform.input;

import java.text.Normalizer;

/**
 * The one rule for text a client sends: no C0 or C1 control character (TAB, LF and CR only in multi-line
 * fields), no DEL, no bidirectional embedding, override or isolate, no lone surrogate, no noncharacter (U+FFFF,
 * U+FDD0, …), Unicode normal form C, and
 * not only invisible characters. Text in another normal form is refused, not
 * rewritten: what is recorded is exactly what the client sent.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /** Why {@code value} is not canonical text, or {@code null} when it is. */
    /** The violation of text that is fine but for its normal form. */
    public static final String NOT_NFC = "is not in Unicode normal form C (NFC)";
    /** The violation of text that shows nothing. */
    public static final String ONLY_INVISIBLE = "holds only spaces or invisible characters";

    public static String violation(String value, boolean multiLine) {
        if (value == null) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int pair = Character.toCodePoint(c, value.charAt(i + 1));
                    if (nonCharacter(pair)) {
                        return "contains the noncharacter U+%X at position %d".formatted(pair, i);
                    }
                    i++;
                    continue;
                }
                return "contains a lone surrogate at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate at position " + i;
            }
            if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return "contains the control character U+%04X at position %d".formatted((int) c, i);
            }
            if (nonCharacter(c)) {
                // U+FFFF, U+FFFE, U+FDD0…: for a program's own use, never text; the annual spreadsheet wrote "?"
                return "contains the noncharacter U+%04X at position %d".formatted((int) c, i);
            }
            if (bidiControl(c)) {
                // a right-to-left override turned "Zed Hall" into what reads as another name ("Trojan Source")
                return "contains the bidirectional control character U+%04X at position %d".formatted((int) c, i);
            }
        }
        if (!ascii && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return NOT_NFC;
        }
        if (!ascii && invisible(value)) {
            return ONLY_INVISIBLE;
        }
        return null;
    }

    /**
     * True for text that shows nothing, though Java's {@link String#isBlank()} (which knows only its own whitespace)
     * says it is not blank: no-break and other Unicode spaces, zero-width and direction marks (format characters),
     * the Hangul and Braille blanks. Such text passed every "must not be blank" check: a business opportunity of one
     * U+00A0 satisfied R2, a payer and basis of U+00A0 and U+200B the cost coverage of R3; a name of U+034F or of a
     * variation selector passed too. Text Java does call blank but that holds other than ASCII spaces (an
     * ideographic space U+3000, an em space) is such text as well: an optional business opportunity of one U+3000
     * was stored and shown, while R2 read it as none. Text of only ASCII spaces
     * stays as it was: the checks that need text refuse it by name, an optional field keeps it.
     */
    static boolean invisible(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                    || defaultIgnorable(c) || c == 0x2800)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Unicode's default-ignorable code points (DerivedCoreProperties, Default_Ignorable_Code_Point) that are not
     * format characters: the combining grapheme joiner, the Hangul fillers, Khmer's inherent vowels, the Mongolian
     * and other variation selectors. A renderer shows nothing for them.
     */
    /**
     * The embeddings, overrides and isolates of the bidirectional algorithm (U+202A to U+202E, U+2066 to U+2069):
     * they reorder what follows them, so a text reads otherwise than it is stored. The marks (U+200E, U+200F), which
     * reorder nothing, stay allowed.
     */
    private static boolean bidiControl(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Unicode's noncharacters: U+FDD0 to U+FDEF and the last two code points of every plane. */
    private static boolean nonCharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** A code point a renderer shows nothing for: a format character or another default-ignorable one. */
    static boolean showsNothing(int c) {
        return Character.getType(c) == Character.FORMAT || defaultIgnorable(c);
    }

    private static boolean defaultIgnorable(int c) {
        return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
