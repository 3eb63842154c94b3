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

    public String problem(String code) {
        String general = messages.getMessage("problem.generic", new Object[]{code}, code, LocaleContextHolder.getLocale());
        return messages.getMessage("problem." + code, null, general, LocaleContextHolder.getLocale());
    }
}
