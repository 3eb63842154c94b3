package dk.greatercph.ope.web.notification;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a notification was not delivered, in the page's words: the outbox keeps the sender's own sentence ("no secure
 * connection to …", "HTTP 404 from the receiver"), which the Danish outbox page showed in English. A sentence of a kind
 * not known here is shown as kept. Templates call {@code ${@deliveryErrors.words(m.lastError)}}.
 */
@Component("deliveryErrors")
public class DeliveryErrors {

    /** The sender's sentences ({@code DeliveryFailure}, {@code OutboxSender}) and the message saying each. */
    private static final List<Kind> KINDS = List.of(
            new Kind(Pattern.compile("no connection to (\\S+) within (.+)"), "outbox.error.noConnection"),
            new Kind(Pattern.compile("no answer from (\\S+) within (.+)"), "outbox.error.noAnswer"),
            new Kind(Pattern.compile("the host of (\\S+) is not known"), "outbox.error.unknownHost"),
            new Kind(Pattern.compile("no route to (\\S+)"), "outbox.error.noRoute"),
            new Kind(Pattern.compile("could not connect to (\\S+)(?: \\((.*)\\))?", Pattern.DOTALL),
                    "outbox.error.refused"),
            new Kind(Pattern.compile("no secure connection to (\\S+)(?: \\((.*)\\))?", Pattern.DOTALL),
                    "outbox.error.insecure"),
            new Kind(Pattern.compile("HTTP (\\d{3}) from the receiver"), "outbox.error.status"),
            new Kind(Pattern.compile("the webhook was removed before this was delivered"), "outbox.error.removed"),
            new Kind(Pattern.compile("the webhook has no secret any more \\(unsubscribed\\)"), "outbox.error.removed"));

    private final MessageSource messages;

    DeliveryErrors(MessageSource messages) {
        this.messages = messages;
    }

    public String words(String error) {
        if (error == null) {
            return null;
        }
        for (Kind kind : KINDS) {
            Matcher matched = kind.pattern().matcher(error);
            if (matched.matches()) {
                Object[] values = new Object[matched.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = matched.group(i + 1) == null ? "" : matched.group(i + 1);
                }
                String said = messages.getMessage(kind.key(), values, error, LocaleContextHolder.getLocale());
                // the technical reason, where one was given, stays as the sender wrote it, in brackets
                return said == null ? error : said.replace(" ()", "");
            }
        }
        return error;
    }

    private record Kind(Pattern pattern, String key) {
    }
}
