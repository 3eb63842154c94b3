package dk.greatercph.ope.platform.input;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers' time stamps are written exactly as the JDK's ISO formatters write them, for any value. */
class IsoDateTimesTest {

    private static final int[] NANOS = {0, 1, 10, 100_000_000, 120_000_000, 123_000_000, 123_400_000, 123_450_000,
            123_456_000, 123_456_700, 123_456_780, 123_456_789, 999_999_999, 500, 5_000_000, 50_000_000};

    @Test
    void offsetDateTimesAsIsoOffsetDateTime() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            OffsetDateTime value = OffsetDateTime.of(LocalDateTime.ofEpochSecond(second(random), nano(random),
                    ZoneOffset.UTC), offset(random));
            assertThat(IsoDateTimes.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void instantsAsIsoInstant() {
        Random random = new Random(29);
        for (int i = 0; i < 200_000; i++) {
            Instant value = Instant.ofEpochSecond(second(random), nano(random));
            assertThat(IsoDateTimes.format(value)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(value));
        }
    }

    @Test
    void theEdgesAndYearsTheFormattersWriteWithASign() {
        for (Instant value : List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX)) {
            assertThat(IsoDateTimes.format(value)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(value));
            for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.MAX, ZoneOffset.MIN,
                    ZoneOffset.ofHoursMinutesSeconds(1, 2, 3))) {
                if (value.getEpochSecond() > Instant.MIN.getEpochSecond() + 86_400
                        && value.getEpochSecond() < Instant.MAX.getEpochSecond() - 86_400) {
                    OffsetDateTime at = value.atOffset(offset);
                    assertThat(IsoDateTimes.format(at)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
                }
            }
        }
    }

    /** Mostly the years the application keeps (1900–2999), some anywhere in 0000–9999, some beyond. */
    private static long second(Random random) {
        long from = switch (random.nextInt(10)) {
            case 0 -> LocalDateTime.of(-2000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            case 1, 2 -> LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            default -> LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        };
        long to = switch (random.nextInt(10)) {
            case 0 -> LocalDateTime.of(12000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
            case 1, 2 -> LocalDateTime.of(9999, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC);
            default -> LocalDateTime.of(3000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        };
        return from + (long) (random.nextDouble() * (to - from));
    }

    private static int nano(Random random) {
        return random.nextBoolean() ? NANOS[random.nextInt(NANOS.length)] : random.nextInt(1_000_000_000);
    }

    private static ZoneOffset offset(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> ZoneOffset.UTC;
            case 1 -> ZoneOffset.ofHours(random.nextInt(37) - 18);
            case 2 -> ZoneOffset.ofTotalSeconds((random.nextInt(105) - 52) * 15 * 60);
            default -> ZoneOffset.ofTotalSeconds(random.nextInt(2 * 64_800 + 1) - 64_800);
        };
    }
}
