package dk.greatercph.ope.web.request;

import dk.greatercph.ope.web.api.ApiAnswer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal's field errors as a form shows them: field name → plain words in the page's language (the message
 * {@code fielderror.<field>}, else what the API said). The API names the field of every refusal of bad input, the
 * domain's too (an empty theme list, a date window that ends before it starts), in {@code errors[]}.
 */
@Component
public class FormErrors {

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
