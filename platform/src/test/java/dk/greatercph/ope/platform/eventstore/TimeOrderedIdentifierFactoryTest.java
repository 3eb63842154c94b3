package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.events.TimeOrderedUuid;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The message identifiers Axon makes: version-7 UUIDs, ordered by the millisecond they were made in. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonMakesItsIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
    }

    @Test
    void anIdentifierIsAVersion7UuidWithItsMillisecondFirstAndTheRandomBitsKept() {
        long millis = Instant.parse("2026-12-02T20:01:02.345Z").toEpochMilli();
        UUID random = UUID.fromString("0f1e2d3c-4b5a-4978-a695-847362514031");

        UUID made = TimeOrderedUuid.of(millis, random);

        assertThat(made.version()).isEqualTo(7);
        assertThat(made.variant()).isEqualTo(2);
        assertThat(made.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(made.getMostSignificantBits() & 0x0FFF).isEqualTo(random.getMostSignificantBits() & 0x0FFF);
        assertThat(made.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
        assertThat(made).hasToString("01a23858-a189-7978-a695-847362514031");
    }

    @Test
    void identifiersMadeInLaterMillisecondsSortAfterEarlierOnesAsText() throws InterruptedException {
        IdentifierFactory factory = new TimeOrderedIdentifierFactory();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(factory.generateIdentifier());
            Thread.sleep(2);
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(UUID.fromString(id)).hasToString(id));
    }

    @Test
    void identifiersMadeInTheSameMillisecondDifferByTheirRandomBits() {
        IdentifierFactory factory = new TimeOrderedIdentifierFactory();
        HashSet<String> made = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(factory.generateIdentifier());
        }

        assertThat(made).hasSize(10_000);
    }
}
