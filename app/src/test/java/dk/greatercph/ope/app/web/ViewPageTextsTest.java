package dk.greatercph.ope.app.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule's, escalations', trips', KPIs' and import's texts exist in Danish and English alike. */
class ViewPageTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"schedule", "escalation", "trip", "kpi", "import"})
    void everyTextHasItsTwinInTheOtherLanguage(String bundle) throws IOException {
        Properties danish = load("pages/" + bundle + ".properties");
        Properties english = load("pages/" + bundle + "_en.properties");
        assertThat(danish).isNotEmpty();
        assertThat(english.keySet()).as(bundle).containsExactlyInAnyOrderElementsOf(danish.keySet());
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ViewPageTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
