package dk.greatercph.ope.web.request;

import dk.greatercph.ope.web.api.ApiAnswer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal's field errors as a form shows them: field name → plain words in the page's language (the message
 * {@code fielderror.<field>}, else what the API said). A refusal without a field that is plainly about one (an empty
 * theme list, a date window that ends before it starts) is shown beside that field too.
 */
@Component
public class FormErrors {

    /** Codes the API answers without naming a field, and the field they are about. */
    static final Map<String, String> CODE_FIELDS = Map.ofEntries(
            Map.entry("THEMES_REQUIRED", "themes"),
            Map.entry("INVALID_DATE_WINDOW", "wishedTo"),
            Map.entry("INVALID_HEAD_COUNT", "headCount"),
            Map.entry("REASON_REQUIRED", "reason"),
            Map.entry("OVERRIDE_REASON_REQUIRED", "reason"),
            Map.entry("UNKNOWN_OPERATOR", "overrideLead"),
            Map.entry("NOTHING_TO_EXPAND", "themes"),
            Map.entry("TITLE_REQUIRED", "title"),
            Map.entry("INVALID_TIME_SLOT", "endsAt"),
            Map.entry("UNKNOWN_VENUE", "venueId"),
            Map.entry("UNKNOWN_HOST", "hostId"),
            Map.entry("PAYER_REQUIRED", "payer"),
            Map.entry("BASIS_REQUIRED", "basis"),
            Map.entry("INVALID_AMOUNT", "amount"),
            Map.entry("NAME_REQUIRED", "name"),
            Map.entry("INVALID_OUTCOME", "investmentLeads"));

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Field → words for a refused answer; empty when the answer was not a refusal. */
    public Map<String, String> of(ApiAnswer answer) {
        Map<String, String> errors = new LinkedHashMap<>();
        ApiAnswer.Problem problem = answer.problem();
        if (problem == null) {
            return errors;
        }
        for (ApiAnswer.FieldError error : problem.fields()) {
            String field = topLevel(error.field());
            errors.putIfAbsent(field, words(field, error.message()));
        }
        String field = CODE_FIELDS.get(problem.code());
        if (field != null) {
            errors.putIfAbsent(field, words(field, problem.detail()));
        }
        return errors;
    }

    private String words(String field, String apiMessage) {
        return messages.getMessage("fielderror." + field, null, apiMessage, LocaleContextHolder.getLocale());
    }

    /** {@code themes[0]} and {@code followUps[1].action} belong to the form's field {@code themes}, {@code followUps}. */
    static String topLevel(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '[' || field.charAt(i) == '.') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }
}
