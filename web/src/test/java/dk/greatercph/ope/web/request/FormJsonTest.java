package dk.greatercph.ope.web.request;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as people type them on the pages, in the page's language. */
class FormJsonTest {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anAmountIsReadAsTheDanishPageWritesIt() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        assertThat(amount("45.000")).isEqualTo(new BigDecimal("45000"));
        assertThat(amount("45.000,50")).isEqualTo(new BigDecimal("45000.50"));
        assertThat(amount("1.250.000,5")).isEqualTo(new BigDecimal("1250000.5"));
        assertThat(amount("45 000")).isEqualTo(new BigDecimal("45000"));
        assertThat(amount("45000,50")).isEqualTo(new BigDecimal("45000.50"));
        assertThat(amount("12,5")).isEqualTo(new BigDecimal("12.5"));
        assertThat(amount("12.5")).as("not a group of three: a decimal point").isEqualTo(new BigDecimal("12.5"));
        assertThat(amount("4.50.000")).as("not grouped in threes: left for the API to refuse").isEqualTo("4.50.000");
    }

    @Test
    void anAmountIsReadAsTheEnglishPageWritesIt() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(amount("45,000")).isEqualTo(new BigDecimal("45000"));
        assertThat(amount("45,000.50")).isEqualTo(new BigDecimal("45000.50"));
        assertThat(amount("45\u00a0000")).isEqualTo(new BigDecimal("45000"));
        assertThat(amount("45.5")).isEqualTo(new BigDecimal("45.5"));
        assertThat(amount("forty")).isEqualTo("forty");
    }

    @Test
    void aCountIsReadGroupedBySeparatorOrSpace() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        assertThat(count("25.000")).isEqualTo(25000);
        assertThat(count("25 000")).isEqualTo(25000);
        assertThat(count("2,5")).isEqualTo("2,5");
    }

    private static Object amount(String typed) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("amount", typed);
        return FormJson.from(form).decimal("amount").body().get("amount");
    }

    private static Object count(String typed) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("n", typed);
        return FormJson.from(form).integer("n").body().get("n");
    }
}
