package dk.greatercph.ope.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The event store's own reading of its time stamps gives what Axon's formatter-based parse gives. */
class StoredTimestampsTest {

    @Test
    void everyTimeStampTheStoreWritesReadsAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(17);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = DateTimeUtils.formatInstant(instant);

            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
    }

    @Test
    void fractionsOfOneToNineDigitsReadAsAxonReadsThem() {
        for (String fraction : List.of("", ".7", ".07", ".719", ".7190", ".71900", ".719001", ".7190012",
                ".71900123", ".719001234")) {
            String text = "2026-12-01T09:16:44" + fraction + "Z";

            assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
        assertThat(StoredTimestamps.parse("2024-02-29T23:59:59.999999999Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    }

    @Test
    void anyOtherTextIsLeftToAxonWithTheSameAnswerOrTheSameError() {
        for (String text : List.of("2026-12-01T10:16:44.719+01:00", "2026-12-01T09:16:44.Z", "2026-12-01T09:16:44.1234567890Z",
                "2026-02-30T09:16:44Z", "2026-13-01T09:16:44Z", "2026-12-01T24:00:00Z", "2026-12-01T09:60:00Z",
                "2026-12-01T09:16:60Z", "2026-12-01 09:16:44Z", "2026-12-01T09:16:44", "+12026-12-01T09:16:44Z",
                "2026-1a-01T09:16:44Z", "", "not a time")) {
            Throwable axons = catchThrowable(() -> DateTimeUtils.parseInstant(text));
            Throwable ours = catchThrowable(() -> StoredTimestamps.parse(text));

            if (axons == null) {
                assertThat(StoredTimestamps.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            } else {
                assertThat(ours).as(text).isNotNull().hasSameClassAs(axons).hasMessage(axons.getMessage());
            }
        }
    }
}
