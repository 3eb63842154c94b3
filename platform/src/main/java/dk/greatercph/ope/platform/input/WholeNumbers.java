package dk.greatercph.ope.platform.input;

import org.springframework.core.convert.converter.Converter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A whole number in a path or a query parameter as the OpenAPI document writes it: ASCII digits, a minus sign
 * perhaps, no leading zero. Spring's own reading takes {@code #7E9} and {@code 0x7E9} as hexadecimal and allows a
 * plus sign, spaces around the number and leading zeros: {@code PUT …/kpi-targets/%237E9} agreed the targets of
 * 2025, {@code ?year=%232026} answered the year 8230. Anything else is refused naming the parameter (400
 * {@code INVALID_PARAMETER}); an empty value stays absent, as before.
 *
 * <p>Both ways in are held to it: the converters, for what reads through the conversion service alone (the query
 * records, {@link QueryParameterRecords}), and an editor for every controller's binder, since a binder that finds
 * the conversion service refusing falls back to its default editor, which reads hexadecimal again.
 */
@ControllerAdvice
final class WholeNumbers {

    private static final Pattern WHOLE = Pattern.compile("-?(?:0|[1-9][0-9]*)");

    static final Converter<String, Integer> INTEGERS = text -> text.isEmpty() ? null : read(text, Integer::valueOf);

    static final Converter<String, Long> LONGS = text -> text.isEmpty() ? null : read(text, Long::valueOf);

    @InitBinder
    void wholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Strict(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new Strict(Integer::valueOf, true));
        binder.registerCustomEditor(long.class, new Strict(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new Strict(Long::valueOf, true));
    }

    /** The number, or a refusal that says what is wrong: 20 digits were "not a whole number written in digits". */
    private static <N extends Number> N read(String text, Function<String, N> parse) {
        if (!WHOLE.matcher(text).matches()) {
            throw new InvalidInput(InputProblem.INVALID_PARAMETER, "", "is not a whole number written in decimal digits");
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidInput(InputProblem.INVALID_PARAMETER, "", "is a whole number too large for this parameter");
        }
    }

    private static final class Strict extends PropertyEditorSupport {

        private final Function<String, Number> parse;
        private final boolean emptyIsAbsent;

        Strict(Function<String, Number> parse, boolean emptyIsAbsent) {
            this.parse = parse;
            this.emptyIsAbsent = emptyIsAbsent;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty() && emptyIsAbsent) {
                setValue(null);
                return;
            }
            try {
                setValue(read(text, parse));
            } catch (InvalidInput refused) {
                // as a binder expects it of an editor: it names the parameter in the mismatch it makes of it
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
