package dk.greatercph.ope.platform.input;

import java.util.Locale;
import java.util.Set;

/** Countries as ISO 3166-1 alpha-2 codes: {@code CN}, {@code DK}, {@code SE}… in upper case. */
public final class CountryCodes {

    /** China, the country the desk's China effort counts. */
    public static final String CHINA = "CN";

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryCodes() {
    }

    /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code, in upper case. */
    public static boolean isAssigned(String code) {
        return code != null && ASSIGNED.contains(code);
    }

    /** {@code code} if it is an assigned ISO 3166-1 alpha-2 code; otherwise bad input naming {@code field}. */
    public static String require(String field, String code) {
        if (!isAssigned(code)) {
            throw new InvalidInput(InputProblem.INVALID_COUNTRY, field,
                    "is not an ISO 3166-1 alpha-2 country code in upper case, e.g. CN, DK or SE");
        }
        return code;
    }
}
