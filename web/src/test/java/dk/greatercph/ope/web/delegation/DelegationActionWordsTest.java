package dk.greatercph.ope.web.delegation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action the delegation pages offer says in both languages that it was done: the notice after a correction of
 * the request and after a reopened programme showed the missing key itself ({@code ??delegation.done.…??}).
 */
class DelegationActionWordsTest {

    @Test
    void everyActionHasItsDoneNoticeInDanishAndEnglish() throws IOException {
        for (String bundle : new String[]{"pages/delegation.properties", "pages/delegation_en.properties"}) {
            Properties words = new Properties();
            try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
                    StandardCharsets.UTF_8)) {
                words.load(reader);
            }
            for (DelegationAction action : DelegationAction.values()) {
                assertThat(words.getProperty("delegation.done." + action.key())).as(bundle + ": " + action)
                        .isNotBlank();
            }
        }
    }
}
