package dk.greatercph.ope.web.notification;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender's reasons in the outbox page's words: the Danish page showed them in English. */
class DeliveryErrorsTest {

    private final DeliveryErrors errors = new DeliveryErrors(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("pages/notification");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theSendersReasonsAreSaidInDanishWithTheTechnicalDetailKept() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));

        assertThat(errors.words("no secure connection to 93.184.215.14 (No subject alternative names matching IP)"))
                .isEqualTo("ingen sikker forbindelse til 93.184.215.14 (No subject alternative names matching IP)");
        assertThat(errors.words("could not connect to 127.0.0.1:9")).isEqualTo("kunne ikke forbinde til 127.0.0.1:9");
        assertThat(errors.words("HTTP 404 from the receiver")).isEqualTo("modtageren svarede HTTP 404");
        assertThat(errors.words("the webhook has no secret any more (unsubscribed)"))
                .isEqualTo("webhooken blev fjernet, før dette blev leveret");
        assertThat(errors.words("something new")).as("a reason not known here, as kept").isEqualTo("something new");
    }

    @Test
    void inEnglishTheyReadAsTheSenderWroteThem() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(errors.words("no answer from crm.example within 10 s"))
                .isEqualTo("no answer from crm.example within 10 s");
    }
}
