package dk.greatercph.ope.web.request;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API body built from a submitted form with the JSON types the API expects: blank optional fields left out,
 * numbers as numbers, lists as lists. A number the person typed that is not one is sent as typed, so the API names
 * the field in its refusal instead of the page guessing.
 */
public final class FormJson {

    private final MultiValueMap<String, String> form;
    private final Map<String, Object> body = new LinkedHashMap<>();

    private FormJson(MultiValueMap<String, String> form) {
        this.form = form;
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]{1,18}(?:\\.[0-9]{0,18})?|\\.[0-9]{1,18})");

    public static FormJson from(MultiValueMap<String, String> form) {
        return new FormJson(form);
    }

    /**
     * The field's text as typed, in Unicode normal form C as the API takes it (some input paths send an accent as a
     * letter and a combining mark, which the API refuses as not canonical), or null when blank.
     */
    public String text(String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * An operator's code as the API writes it, lower case (null for null): typed as the desk says it
     * ("CHC"), it was refused with a vague "not the form the field needs".
     */
    public static String operatorCode(String typed) {
        return typed == null ? null : typed.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public FormJson string(String name) {
        return put(name, text(name));
    }

    /**
     * The field as a whole number, when it is written in ASCII digits; else as typed, which the API refuses naming the
     * field. Java's parsers read any script's digits ({@code １２} as 12), which the JSON API does not.
     */
    public FormJson integer(String name) {
        String value = text(name);
        if (value == null) {
            return this;
        }
        String typed = ungrouped(value.strip());
        if (!INTEGER.matcher(typed).matches()) {
            return put(name, value);
        }
        try {
            return put(name, Integer.valueOf(typed));
        } catch (NumberFormatException e) {
            return put(name, value);
        }
    }

    /**
     * A whole number written with the page language's thousands separator ({@code 25.000} in Danish, {@code 25,000}
     * in English) without it; anything else as it is. The pages write counts that way, and a capacity typed as the
     * places page shows it was refused as unreadable.
     */
    public static String ungrouped(String typed) {
        return withoutGrouping(typed, "");
    }

    /**
     * {@code typed} without the thousands separators of the page's language, or spaces, between groups of three digits
     * ({@code 45.000,50} in Danish, {@code 45,000.50} in English, {@code 45 000} in either), perhaps followed by
     * {@code fraction} (a pattern for the decimals); anything else as it is.
     */
    private static String withoutGrouping(String typed, String fraction) {
        char separator = DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()).getGroupingSeparator();
        String spaced = typed.replace('\u00a0', ' ').replace('\u202f', ' ');
        for (String group : List.of(String.valueOf(separator), " ")) {
            String grouped = "[+-]?[0-9]{1,3}(?:" + Pattern.quote(group) + "[0-9]{3})+" + fraction;
            if (spaced.matches(grouped)) {
                return spaced.replace(group, "");
            }
        }
        return typed;
    }

    /**
     * The field as a decimal number, in ASCII digits: grouped as the page's language writes it, and read with a decimal
     * comma or point ({@code 45.000} is forty-five thousand on a Danish page, as the page shows amounts, and was refused
     * as "at most two decimals"); else as typed.
     */
    public FormJson decimal(String name) {
        String value = text(name);
        if (value == null) {
            return this;
        }
        char decimal = DecimalFormatSymbols.getInstance(LocaleContextHolder.getLocale()).getDecimalSeparator();
        String typed = withoutGrouping(value.strip(), "(?:" + Pattern.quote(String.valueOf(decimal)) + "[0-9]*)?")
                .replace(',', '.');
        if (!DECIMAL.matcher(typed).matches()) {
            return put(name, value);
        }
        return put(name, new BigDecimal(typed));
    }

    /** Every checked value of a checkbox group (or every non-blank line of a text area), as a list; left out when none. */
    public FormJson list(String name) {
        List<String> values = values(name);
        return put(name, values.isEmpty() ? null : values);
    }

    /** The non-blank values of a field: each checked box, or each line of a text area. */
    public List<String> values(String name) {
        List<String> values = form.getOrDefault(name, List.of());
        return values.stream().filter(Objects::nonNull)
                .flatMap(v -> Arrays.stream(v.split("\\R")))
                .map(String::strip).filter(v -> !v.isEmpty()).map(v -> Normalizer.normalize(v, Normalizer.Form.NFC))
                .toList();
    }

    public FormJson put(String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }
}
