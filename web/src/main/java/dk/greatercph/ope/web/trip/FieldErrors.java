package dk.greatercph.ope.web.trip;

import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.api.ViewData;

import java.util.Map;

/**
 * A refusal's messages by form field, for templates ({@code ${errors['title']}} is null for a field without one):
 * the fields the API named ({@code destinations[0]} counts for {@code destinations}), and the field a rule's code is
 * about (e.g. R7's ANNUAL_TRIP_EXISTS is about the extraordinary reason), said in plain words.
 */
public final class FieldErrors {

    /** Codes whose field the page says in its own words (the API names most of these fields too, in English). */
    static final Map<String, String> CODE_FIELDS = Map.ofEntries(
            Map.entry("ANNUAL_TRIP_EXISTS", "extraordinaryReason"),
            Map.entry("YEAR_MISMATCH", "startDate"),
            Map.entry("INVALID_DATES", "endDate"),
            Map.entry("TRIP_TOO_LONG", "endDate"),
            Map.entry("TITLE_REQUIRED", "title"),
            Map.entry("LEADER_REQUIRED", "leader"),
            Map.entry("DESTINATIONS_REQUIRED", "destinations"),
            Map.entry("NAME_REQUIRED", "name"),
            Map.entry("PERSON_NAME_MISMATCH", "name"),
            Map.entry("OPERATOR_REQUIRED", "operatorId"),
            Map.entry("OPERATOR_NOT_EXPECTED", "operatorId"),
            Map.entry("CITY_REQUIRED", "city"),
            Map.entry("COUNTERPART_REQUIRED", "counterpart"),
            Map.entry("INVALID_TIME_SLOT", "endsAt"),
            Map.entry("REPORT_REQUIRED", "outcomes"),
            Map.entry("REASON_REQUIRED", "reason"));

    private FieldErrors() {
    }

    /** Field → message; {@code plain} says a code in words, {@code words} what the API said about a field. */
    static Map<String, Object> of(ApiAnswer.Problem problem, java.util.function.Function<String, String> plain,
                                  FormErrors words) {
        ViewData errors = ViewData.empty();
        if (problem == null) {
            return errors;
        }
        String field = CODE_FIELDS.get(problem.code());
        if (field != null) {
            errors.put(field, plain.apply(problem.code())); // the page's words before the API's English
        }
        // a rule's refusal (UNKNOWN_OPERATOR naming operatorId, …) in the page's words: "No operator nope." was shown
        boolean rule = !FormErrors.isInputCode(problem.code());
        for (ApiAnswer.FieldError error : problem.fields()) {
            String named = error.field().replaceFirst("[\\[.].*$", "");
            errors.putIfAbsent(named, rule ? plain.apply(problem.code())
                    : error.ruleCode() != null ? plain.apply(error.ruleCode()) : words.words(named, error.message()));
        }
        return errors;
    }
}
