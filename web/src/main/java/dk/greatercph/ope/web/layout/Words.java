package dk.greatercph.ope.web.layout;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Plain words for what the API says in codes: {@code ${@words.problem(problem.code)}} is the message
 * {@code problem.<CODE>} in the page's language, or a general sentence naming the code where none is written yet.
 */
@Component("words")
public class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A country by its name in the page's language ("Kina", "Sverige"), from its ISO 3166-1 alpha-2 code; the code
     * itself where the JDK names none. The pages showed "CN" and "SE".
     */
    public String country(String code) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String name = new java.util.Locale("", code).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isEmpty() || name.equals(code) ? code : name;
    }

    public String problem(String code) {
        String general = messages.getMessage("problem.generic", new Object[]{code}, code, LocaleContextHolder.getLocale());
        return messages.getMessage("problem." + code, null, general, LocaleContextHolder.getLocale());
    }
}
