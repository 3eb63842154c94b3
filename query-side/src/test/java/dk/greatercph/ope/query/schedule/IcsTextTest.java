package dk.greatercph.ope.query.schedule;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines fold at 75 octets (RFC 5545 3.1), never inside a character; unfolding gives the line back. */
class IcsTextTest {

    @Test
    void aLineOfChineseFoldsAtSeventyFiveOctetsWithoutSplittingACharacter() {
        String title = "SUMMARY:" + "江苏省卫生健康委员会代表团访问哥本哈根".repeat(4) + "🐉 end";

        String folded = IcsText.fold("BEGIN:VEVENT\r\n" + title + "\r\nEND:VEVENT\r\n");

        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\n" + title + "\r\nEND:VEVENT\r\n");
        assertThat(folded).doesNotContain("\uFFFD");
    }

    @Test
    void aShortLineIsLeftAsItIs() {
        assertThat(IcsText.fold("UID:x@one-point-entry\r\n")).isEqualTo("UID:x@one-point-entry\r\n");
    }
}
