package dk.greatercph.ope.app.benchmark;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.time.OpeTime;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a desk's history straight into the event store, through the application's own engine (commit-order lock,
 * hash chain and all), in transactions of {@link #BATCH} events. Each delegation lives the life the desk gives it:
 * registered, screened, routed, offered, accepted, three programme items, confirmed and, once its dates are past,
 * completed with an outcome: ten events, nine for one still ahead. Wished dates spread over five years from 2024.
 */
final class EventHistory {

    static final int BATCH = 500;

    private static final String[] OPERATORS = {"chc", "copcap", "woco", "clean"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 5 * 365;
    private static final MetaData ACTOR = MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM");

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final LocalDate today = LocalDate.now(OpeTime.COPENHAGEN);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int delegations;
    private long appendingCpuNanos;

    EventHistory(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** Appends at least {@code events} events (whole delegations), printing progress; returns how many. */
    long append(long events, String what) {
        long appended = 0;
        long step = Math.max(BATCH, events / 10 / BATCH * BATCH);
        long nextReport = step;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH + 10);
        while (appended < events) {
            List<EventMessage<?>> life = delegation(delegations++);
            batch.addAll(life);
            appended += life.size();
            if (batch.size() >= BATCH || appended >= events) {
                List<EventMessage<?>> messages = List.copyOf(batch);
                long cpu = threads.getCurrentThreadCpuTime();
                transactions.executeInTransaction(() -> eventStore.publish(messages));
                appendingCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
                batch.clear();
            }
            if (appended >= nextReport && appended < events) {
                Benchmark.progress("%s: %,d of %,d events appended", what, appended, events);
                nextReport += step;
            }
        }
        return appended;
    }

    /**
     * The CPU time this JVM's appending thread has spent in the event store's appends so far (serialising, hashing
     * the chain, the driver's work; not PostgreSQL's, nor making the events): unlike the time the appends took, it
     * hardly depends on what else runs on the machine.
     */
    long appendingCpuNanos() {
        return appendingCpuNanos;
    }

    int delegations() {
        return delegations;
    }

    /** The busiest year of the history, for the KPI query. */
    static int busiestYear() {
        return FIRST_DAY.getYear() + 2;
    }

    /** A week (from a Monday) of the history with programme items, for the schedule query. */
    static LocalDate busyWeek() {
        return FIRST_DAY.plusYears(2).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
    }

    private List<EventMessage<?>> delegation(int n) {
        DelegationId id = DelegationId.newId();
        LocalDate from = FIRST_DAY.plusDays((n * 7919L) % DAYS);
        LocalDate to = from.plusDays(2 + n % 4);
        OperatorId lead = new OperatorId(OPERATORS[n % OPERATORS.length]);
        Theme theme = Theme.values()[n % Theme.values().length];
        DelegationType type = DelegationType.values()[n % DelegationType.values().length];
        PoliticalLevel level = PoliticalLevel.values()[n % PoliticalLevel.values().length];
        String organisation = "Benchmark delegation " + n;
        List<Object> payloads = new ArrayList<>(10);
        payloads.add(new DelegationRegisteredEvent(id, Channel.EMBASSY, organisation, "Jiangsu", "Nanjing", type, level,
                4 + n % 20, from, to, List.of(theme), "Study visit of " + organisation, "Partners in " + theme, "CN",
                from.minusDays(60 + n % 60)));
        payloads.add(new DelegationScreenedEvent(id, false, List.of(), "Concrete demand"));
        payloads.add(new DelegationRoutedEvent(id, lead, List.of(), 1, false, null));
        Instant offered = from.minusDays(50).atStartOfDay(OpeTime.COPENHAGEN).toInstant();
        payloads.add(new AssignmentOfferedEvent(id, lead, AssignmentRole.LEAD, offered.plus(3, ChronoUnit.DAYS)));
        payloads.add(new AssignmentAcceptedEvent(id, lead, AssignmentRole.LEAD));
        for (int item = 0; item < 3; item++) {
            Instant starts = from.atTime(LocalTime.of(10 + 2 * item, 0)).atZone(OpeTime.COPENHAGEN).toInstant();
            payloads.add(new ProgrammeItemAddedEvent(id, "item-" + item, ProgrammeItemKind.MEETING,
                    "Meeting " + (item + 1) + " of " + organisation, starts, starts.plus(90, ChronoUnit.MINUTES),
                    null, null, false, lead, false));
        }
        payloads.add(new DelegationConfirmedEvent(id));
        if (to.isBefore(today)) {
            payloads.add(new DelegationCompletedEvent(id, new Outcome("Visit held", n % 3, List.of(), List.of(),
                    List.of(), n % 2, n % 5, 4 + n % 20, 2 * (4 + n % 20))));
        }
        List<EventMessage<?>> messages = new ArrayList<>(payloads.size());
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>("Delegation", id.value(), sequence, payloads.get(sequence),
                    ACTOR));
        }
        return messages;
    }
}
