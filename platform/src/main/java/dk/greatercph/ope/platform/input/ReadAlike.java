package dk.greatercph.ope.platform.input;

import java.text.Normalizer;
import java.util.Locale;

/** Texts compared as people read them: case, surrounding and repeated spaces and Unicode forms aside. */
public final class ReadAlike {

    private ReadAlike() {
    }

    /** The form in which two texts a person reads as the same are equal ("  Li  WEI " and "li wei"). */
    public static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
