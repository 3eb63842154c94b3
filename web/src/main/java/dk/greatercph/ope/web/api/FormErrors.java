package dk.greatercph.ope.web.api;

import dk.greatercph.ope.platform.input.InputProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A refusal's field errors as a form shows them: field name → plain words in the page's language. The API names the
 * field of every refusal of bad input in {@code errors[]}; what it says there is for programmers ("must not be
 * null", "wrong type or format", "contains the control character U+000B at position 8"), partly in English whatever
 * the page's language. In order:
 * <ol>
 * <li>text the API cannot store (a control character pasted with the text, a lone surrogate, only invisible
 * characters): the message {@code fielderror.text.*}, naming the character;</li>
 * <li>a rule's refusal (a domain code, not one of the edge's {@link InputProblem}s) in the page's words for that
 * rule, {@code problem.<CODE>}: a scope request for a theme the delegation has said "choose at least one theme"
 * beside the themes, the form's words for the field;</li>
 * <li>the form's own words for the field, the message {@code fielderror.<field>};</li>
 * <li>a constraint's or a reading's message in general words: {@code fielderror.required}, {@code .format},
 * {@code .min}, {@code .max}, {@code .size}, {@code .pattern};</li>
 * <li>else what the API said.</li>
 * </ol>
 */
@Component
public class FormErrors {

    private static final Pattern CONTROL = Pattern.compile(
            "contains the (?:bidirectional control character|control character|noncharacter) (U\\+[0-9A-F]{4,6})");
    private static final String SURROGATE = "contains a lone surrogate";
    /** The import's words for a line with more or fewer cells than its header has columns. */
    private static final Pattern CELLS = Pattern.compile("has ([0-9]+) cells; the header names ([0-9]+) columns");
    private static final String INVISIBLE = "holds only spaces or invisible characters";
    /** The API's words for a local time the clocks skip, and for one they show twice (daylight saving time). */
    private static final String SKIPPED = "is a time the clocks skip";
    private static final String TWICE = "is a time the clocks show twice";
    /** Hibernate Validator's message for {@code @UniqueElements}, in the language the API was asked in. */
    private static final String UNIQUE = "org.hibernate.validator.constraints.UniqueElements.message";
    private static final String CONSTRAINTS = "org.hibernate.validator.ValidationMessages";
    private static final String REQUIRED = "fielderror.required";
    /** The API's words for a period whose end comes before its start ({@code DateRange.requireWindow}). */
    private static final String ENDS_BEFORE = "ends before the window starts";

    /** Bean Validation's messages (their templates, in the page's language) and the general words for each. */
    private static final Map<String, String> CONSTRAINT_WORDS = Map.of(
            "jakarta.validation.constraints.NotNull.message", REQUIRED,
            "jakarta.validation.constraints.NotBlank.message", REQUIRED,
            "jakarta.validation.constraints.NotEmpty.message", REQUIRED,
            "jakarta.validation.constraints.Min.message", "fielderror.min",
            "jakarta.validation.constraints.Max.message", "fielderror.max",
            "jakarta.validation.constraints.Size.message", "fielderror.size",
            "jakarta.validation.constraints.Pattern.message", "fielderror.pattern");

    /** The edge's codes for bad input: their field messages say what is wrong with the field itself. */
    private static final Set<String> INPUT_CODES = Arrays.stream(InputProblem.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether {@code code} is one of the edge's codes for bad input, whose field messages are about the field. */
    public static boolean isInputCode(String code) {
        return INPUT_CODES.contains(code);
    }

    /** Field → words for a refused answer; empty when the answer was not a refusal. */
    public Map<String, String> of(ApiAnswer answer) {
        return of(answer.problem());
    }

    /** Field → words for a refusal (null: none). */
    public Map<String, String> of(ApiAnswer.Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem == null) {
            return errors;
        }
        String rule = INPUT_CODES.contains(problem.code()) ? null : messages.getMessage("problem." + problem.code(),
                null, null, LocaleContextHolder.getLocale());
        for (ApiAnswer.FieldError error : problem.fields()) {
            String field = topLevel(error.field());
            String text = textWords(error.message());
            // a field a rule of its own refused among others (the answer's code then VALIDATION_FAILED): its words
            String own = error.ruleCode() == null ? null : messages.getMessage("problem." + error.ruleCode(), null,
                    null, LocaleContextHolder.getLocale());
            errors.putIfAbsent(field, text != null ? text : own != null ? own : rule != null ? rule
                    : words(field, error.message()));
        }
        return errors;
    }

    /** What the API said about {@code field}, in the page's words. */
    public String words(String field, String apiMessage) {
        String text = textWords(apiMessage);
        if (text != null) {
            return text;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String own = messages.getMessage("fielderror." + field, null, null, locale);
        return own != null ? own : generalWords(apiMessage, locale);
    }

    /** Text the API cannot store, in the page's words; null for any other message. */
    private String textWords(String apiMessage) {
        Locale locale = LocaleContextHolder.getLocale();
        Matcher control = CONTROL.matcher(apiMessage);
        if (control.find()) {
            return messages.getMessage("fielderror.text.control", new Object[]{control.group(1)}, apiMessage, locale);
        }
        Matcher cells = CELLS.matcher(apiMessage);
        if (cells.find()) {
            return messages.getMessage("fielderror.cells", new Object[]{cells.group(1), cells.group(2)}, apiMessage,
                    locale);
        }
        if (apiMessage.contains(SURROGATE)) {
            return messages.getMessage("fielderror.text.control", new Object[]{"?"}, apiMessage, locale);
        }
        if (apiMessage.contains(INVISIBLE)) {
            return messages.getMessage("fielderror.text.invisible", null, apiMessage, locale);
        }
        // a time the page's form did give, but that does not exist (or is ambiguous) in its zone: the field's own
        // "choose the date and time it starts" said a time was missing
        if (apiMessage.contains(SKIPPED)) {
            return messages.getMessage("fielderror.time.skipped", null, apiMessage, locale);
        }
        if (apiMessage.contains(TWICE)) {
            return messages.getMessage("fielderror.time.twice", null, apiMessage, locale);
        }
        // a line given twice: the field's own words ("at most 100 agreements, one per line") said something else
        for (Locale language : List.of(locale, Locale.ROOT)) {
            if (values(template(language, UNIQUE), apiMessage) != null) {
                return messages.getMessage("fielderror.unique", null, apiMessage, locale);
            }
        }
        return null;
    }

    /** A constraint's or a reading's message in general words, else the message itself. */
    private String generalWords(String apiMessage, Locale locale) {
        if (apiMessage.equals(ENDS_BEFORE)) {
            return messages.getMessage("fielderror.endsBeforeStart", null, apiMessage, locale);
        }
        if (apiMessage.equals("is required") || apiMessage.equals("is missing")) {
            return messages.getMessage(REQUIRED, null, apiMessage, locale);
        }
        if (apiMessage.equals("wrong type or format") || apiMessage.equals("invalid value")) {
            return messages.getMessage("fielderror.format", null, apiMessage, locale);
        }
        for (Map.Entry<String, String> constraint : CONSTRAINT_WORDS.entrySet()) {
            for (Locale language : List.of(locale, Locale.ROOT)) {
                List<String> values = values(template(language, constraint.getKey()), apiMessage);
                if (values != null) {
                    return messages.getMessage(constraint.getValue(), values.toArray(), apiMessage, locale);
                }
            }
        }
        return apiMessage;
    }

    /** The constraint's message template in that language ({@code må være større end eller lig med {value}}), or null. */
    private static String template(Locale locale, String key) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(CONSTRAINTS, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            return bundle.containsKey(key) ? bundle.getString(key) : null;
        } catch (MissingResourceException none) {
            return null;
        }
    }

    /** The values of the template's parameters if {@code message} is that template filled in, else null. */
    static List<String> values(String template, String message) {
        if (template == null) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        Matcher parameter = Pattern.compile("\\{[^}]+}").matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start()))).append("(.*?)");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        Matcher filled = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(message);
        if (!filled.matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= filled.groupCount(); i++) {
            values.add(filled.group(i));
        }
        return values;
    }

    /** {@code themes[0]} and {@code followUps[1].action} belong to the form's field {@code themes}, {@code followUps}. */
    public static String topLevel(String field) {
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
