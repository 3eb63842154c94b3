package dk.greatercph.ope.web.trip;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form fields turned into the JSON the trip API reads: blank optional fields left out, whole numbers as numbers
 * (anything else as the text typed, so the API refuses it naming the field), lists split from lines or commas.
 */
final class TripForms {

    private TripForms() {
    }

    /** A JSON object under construction; {@code put*} leave blank values out. */
    static final class Body {
        private final Map<String, Object> json = new LinkedHashMap<>();

        Body text(String name, String value) {
            if (value != null && !value.isBlank()) {
                json.put(name, value.strip());
            }
            return this;
        }

        /** A multi-line text as typed (line breaks kept, as the API's multiline fields take them). */
        Body multiline(String name, String value) {
            if (value != null && !value.isBlank()) {
                json.put(name, value.strip().replace("\r\n", "\n"));
            }
            return this;
        }

        Body number(String name, String value) {
            if (value != null && !value.isBlank()) {
                String trimmed = value.strip();
                json.put(name, trimmed.matches("-?\\d{1,9}") ? (Object) Integer.parseInt(trimmed) : trimmed);
            }
            return this;
        }

        /** A date-time from {@code <input type="datetime-local">} (seconds added when left out). */
        Body localDateTime(String name, String value) {
            if (value != null && !value.isBlank()) {
                String trimmed = value.strip();
                json.put(name, trimmed.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}") ? trimmed + ":00" : trimmed);
            }
            return this;
        }

        Body list(String name, List<?> values) {
            if (!values.isEmpty()) {
                json.put(name, values);
            }
            return this;
        }

        Map<String, Object> json() {
            return json;
        }
    }

    static Body body() {
        return new Body();
    }

    /** The non-blank entries of a text, one per line or between commas. */
    static List<String> items(String value, String separator) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The version in an ETag ({@code "3"}), or null. */
    static Long version(String etag) {
        if (etag == null) {
            return null;
        }
        String digits = etag.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : Long.parseLong(digits);
    }
}
