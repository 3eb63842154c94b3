package dk.greatercph.ope.platform.input;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Texts compared as people read them: case, surrounding and repeated spaces (Unicode's too), compatibility forms
 * (NFKC: full-width Latin letters as ASCII) and characters that show nothing (zero-width spaces and joiners, soft
 * hyphens, variation selectors) aside. R8's organisations, venue and partner names, a trip's destinations, a
 * person's name and an imported line are compared so: "Regionsgården" with a zero-width space after it was another
 * venue, shown in the pickers exactly as the first.
 */
public final class ReadAlike {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private ReadAlike() {
    }

    /** The form in which two texts a person reads as the same are equal ("  Li  WEI " and "li wei"). */
    public static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !CanonicalText.showsNothing(c)).forEach(visible::appendCodePoint);
        return SPACES.matcher(visible).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }
}
