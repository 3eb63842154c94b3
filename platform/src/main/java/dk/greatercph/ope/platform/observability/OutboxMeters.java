package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;

/** The gauges of every {@link OutboxBacklog} the process declares. */
final class OutboxMeters implements MeterBinder {

    static final String PENDING = "ope.outbox.pending";
    static final String OLDEST = "ope.outbox.oldest.pending";

    private final List<OutboxBacklog> outboxes;

    OutboxMeters(List<OutboxBacklog> outboxes) {
        this.outboxes = List.copyOf(outboxes);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxBacklog outbox : outboxes) {
            Gauge.builder(PENDING, outbox, backlog -> backlog.pending())
                    .description("Messages waiting in the outbox")
                    .tag("outbox", outbox.name())
                    .strongReference(true)
                    .register(registry);
            Gauge.builder(OLDEST, outbox, backlog -> backlog.oldestPending().toMillis() / 1000.0)
                    .description("How long the oldest waiting message has waited")
                    .baseUnit("seconds")
                    .tag("outbox", outbox.name())
                    .strongReference(true)
                    .register(registry);
        }
    }
}
