package dk.greatercph.ope.platform.input;

import java.text.Normalizer;

/**
 * The one rule for text a client sends: no C0 or C1 control character (TAB, LF and CR only in multi-line
 * fields), no DEL, no lone surrogate, and Unicode normal form C. Text in another normal form is refused, not
 * rewritten: what is recorded is exactly what the client sent.
 */
public final class CanonicalText {

    private CanonicalText() {
    }

    /** Why {@code value} is not canonical text, or {@code null} when it is. */
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
        }
        if (!ascii && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return "is not in Unicode normal form C (NFC)";
        }
        return null;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
