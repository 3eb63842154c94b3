package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** An outbox declared through the hook is published as two gauges that follow its backlog at every read. */
class OutboxMetersTest {

    @Test
    void anOutboxBacklogBecomesPendingAndOldestAgeGaugesTaggedWithItsName() {
        AtomicLong waiting = new AtomicLong(3);
        OutboxBacklog notifications = new OutboxBacklog() {
            @Override
            public String name() {
                return "notifications";
            }

            @Override
            public long pending() {
                return waiting.get();
            }

            @Override
            public Duration oldestPending() {
                return waiting.get() == 0 ? Duration.ZERO : Duration.ofSeconds(90);
            }
        };
        MeterRegistry registry = new SimpleMeterRegistry();
        new OutboxMeters(List.of(notifications)).bindTo(registry);

        assertThat(registry.get(OutboxMeters.PENDING).tag("outbox", "notifications").gauge().value()).isEqualTo(3);
        assertThat(registry.get(OutboxMeters.OLDEST).tag("outbox", "notifications").gauge().value()).isEqualTo(90);
        waiting.set(0);
        assertThat(registry.get(OutboxMeters.PENDING).tag("outbox", "notifications").gauge().value()).isZero();
        assertThat(registry.get(OutboxMeters.OLDEST).tag("outbox", "notifications").gauge().value()).isZero();
    }
}
