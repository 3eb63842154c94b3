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

    @Test
    void aCalendarIsWrittenWithItsLinesFoldedByOctets() {
        String title = "江苏省卫生健康委员会代表团访问哥本哈根".repeat(3);
        String text = IcsText.of(calendarOf(new net.fortuna.ical4j.model.property.Summary(title)), false);

        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(text.replace("\r\n ", "")).contains("SUMMARY:" + title + "\r\n");
        long summaryLines = text.lines().dropWhile(l -> !l.startsWith("SUMMARY:")).takeWhile(
                l -> l.startsWith("SUMMARY:") || l.startsWith(" ")).count();
        assertThat(summaryLines).as("folded by octets only, not again at ical4j's 75 characters")
                .isEqualTo((("SUMMARY:" + title).getBytes(StandardCharsets.UTF_8).length + 73) / 74);
    }

    /** A description with bare CRs (old Mac text, a paste) ended its property: what followed read as a forged event. */
    @Test
    void aBareCarriageReturnInAValueIsALineBreakOfTheValueNotOfTheCalendar() throws Exception {
        String forged = "Dinner\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil@attacker\rSUMMARY:Injected\rDESCRIPTION:x\nand a LF";
        String text = IcsText.of(calendarOf(new net.fortuna.ical4j.model.property.Summary("Dinner"),
                new net.fortuna.ical4j.model.property.Description(forged)), false);

        assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        net.fortuna.ical4j.model.Calendar read = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(text));
        var events = read.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo("x@one-point-entry");
        assertThat(events.get(0).getDescription().getValue())
                .isEqualTo(forged.replace("\r", "\n"));
    }

    /** A calendar of one event, uid x@one-point-entry, with {@code properties}. */
    private static net.fortuna.ical4j.model.Calendar calendarOf(net.fortuna.ical4j.model.Property... properties) {
        net.fortuna.ical4j.model.component.VEvent event = new net.fortuna.ical4j.model.component.VEvent(false);
        event.add(new net.fortuna.ical4j.model.property.Uid("x@one-point-entry"));
        for (net.fortuna.ical4j.model.Property property : properties) {
            event.add(property);
        }
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.model.Calendar()
                .add(new net.fortuna.ical4j.model.property.ProdId("-//test//EN"))
                .add(net.fortuna.ical4j.model.property.immutable.ImmutableVersion.VERSION_2_0);
        calendar.add(event);
        return calendar;
    }
}
