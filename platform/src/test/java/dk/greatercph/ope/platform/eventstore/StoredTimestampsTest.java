package dk.greatercph.ope.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The event store's own writing and reading of its time stamps give what Axon's formatter-based ones give. */
class StoredTimestampsTest {

    @Test
    void everyInstantIsWrittenAsAxonWritesIt() {
        SplittableRandom random = new SplittableRandom(23);
        long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+10100-12-31T23:59:59Z").getEpochSecond();
        int[] scales = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};
        for (int i = 0; i < 50_000; i++) {
            // fractions of every length, down to a whole second
            int scale = scales[i % scales.length];
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1),
                    random.nextInt(1_000_000_000 / scale) * scale);

            assertThat(StoredTimestamps.format(instant)).as(instant.toString())
                    .isEqualTo(DateTimeUtils.formatInstant(instant));
        }
        for (String edge : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.1Z",
                "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.000001Z", "-0001-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(edge);

            assertThat(StoredTimestamps.format(instant)).as(edge).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

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
