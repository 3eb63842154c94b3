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

    /**
     * Cyrillic and Greek letters (and a few Latin ones) drawn as a Latin letter is, each with that letter: a subset of
     * Unicode's confusables (UTS #39) for the Latin alphabet. "Regionsgarden" with a Cyrillic "е" was a second venue.
     */
    private static final String LOOK_ALIKES = "АAВBЕEЅSІIЈJКKМMНHОOРPСCТTУYХXҮYԁdаaеeіiјjоoрpсcуyхxѕsһhԛqԝwӏl"
            + "ΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧXαaιiκkνvοoρpυuıiɑaɡg";
    private static final java.util.Map<Integer, Integer> LATIN_LOOK_ALIKE = lookAlikes();

    /** The form in which two texts a person reads as the same are equal ("  Li  WEI " and "li wei"). */
    public static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !CanonicalText.showsNothing(c)).forEach(visible::appendCodePoint);
        return SPACES.matcher(visible).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * As {@link #key}, and letters of other alphabets that look like a Latin letter read as that letter: the form in
     * which names are told apart (venues, partners, R8's organisations, a trip's destinations). Not for what
     * identifies an imported line, whose identity must not change with the comparison.
     */
    public static String nameKey(String text) {
        StringBuilder latin = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
                .map(c -> LATIN_LOOK_ALIKE.getOrDefault(c, c)).forEach(latin::appendCodePoint);
        return key(latin.toString());
    }

    private static java.util.Map<Integer, Integer> lookAlikes() {
        java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
            map.put((int) LOOK_ALIKES.charAt(i), (int) LOOK_ALIKES.charAt(i + 1));
        }
        return java.util.Map.copyOf(map);
    }
}
