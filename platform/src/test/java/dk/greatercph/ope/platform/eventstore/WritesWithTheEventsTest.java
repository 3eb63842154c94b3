package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command's writes sent with its events: written in its transaction whether or not it appends, rolled back with
 * it, and failing its append when they fail.
 */
@PlatformIntegrationTest
class WritesWithTheEventsTest {

    private static final String INSERT = "INSERT INTO writes_with_the_events_test (id, themes, day) VALUES (?, ?, ?)";

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    /** A payload of the test's own. */
    record Noted(String text) {
    }

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS writes_with_the_events_test "
                + "(id TEXT PRIMARY KEY, themes TEXT[] NOT NULL, day DATE NOT NULL)").update();
    }

    @Test
    void aWriteGoesWithTheEventsInTheirTransaction() {
        String id = "W-" + UUID.randomUUID();

        inUnitOfWork(() -> {
            WritesWithTheEvents.write(jdbc, INSERT, id, new String[]{"HEALTH", "ENERGY"}, LocalDate.of(2027, 4, 12));
            eventStore.publish(event(id));
        }).commit();

        assertThat(jdbc.sql("SELECT array_to_string(themes, ',') || ' ' || day FROM writes_with_the_events_test "
                + "WHERE id = ?").param(id).query(String.class).single()).isEqualTo("HEALTH,ENERGY 2027-04-12");
        assertThat(events(id)).isEqualTo(1);
    }

    @Test
    void aWriteOfAUnitOfWorkWithoutEventsIsWrittenAsItCommits() {
        String id = "W-" + UUID.randomUUID();

        UnitOfWork<?> unitOfWork = inUnitOfWork(
                () -> WritesWithTheEvents.write(jdbc, INSERT, id, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 12)));
        assertThat(rows(id)).as("not before the commit").isZero();
        unitOfWork.commit();

        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void aWriteRollsBackWithItsUnitOfWork() {
        String id = "W-" + UUID.randomUUID();

        inUnitOfWork(() -> {
            WritesWithTheEvents.write(jdbc, INSERT, id, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 12));
            eventStore.publish(event(id));
        }).rollback();

        assertThat(rows(id)).isZero();
        assertThat(events(id)).isZero();
    }

    @Test
    void aWriteOfANestedUnitOfWorkThatRollsBackIsNotWrittenWhenTheRootCommits() {
        String kept = "W-" + UUID.randomUUID();
        String dropped = "W-" + UUID.randomUUID();

        UnitOfWork<?> root = inUnitOfWork(() -> {
            WritesWithTheEvents.write(jdbc, INSERT, kept, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 12));
            eventStore.publish(event(kept));
        });
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        WritesWithTheEvents.write(jdbc, INSERT, dropped, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 12));
        nested.rollback();
        root.commit();

        assertThat(rows(kept)).isEqualTo(1);
        assertThat(rows(dropped)).isZero();
    }

    @Test
    void aFailedWriteFailsTheAppendAndNothingIsStored() {
        String id = "W-" + UUID.randomUUID();
        WritesWithTheEvents.write(jdbc, INSERT, id, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 12));
        assertThat(rows(id)).as("outside a unit of work, written at once").isEqualTo(1);

        UnitOfWork<?> unitOfWork = inUnitOfWork(() -> {
            WritesWithTheEvents.write(jdbc, INSERT, id, new String[]{"HEALTH"}, LocalDate.of(2027, 4, 13));
            eventStore.publish(event(id));
        });
        assertThatThrownBy(unitOfWork::commit).hasStackTraceContaining("writes_with_the_events_test_pkey");

        assertThat(events(id)).isZero();
        assertThat(jdbc.sql("SELECT day FROM writes_with_the_events_test WHERE id = ?").param(id)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 4, 12));
    }

    /** A unit of work in a transaction that has run {@code work}, left for the test to commit or roll back. */
    private UnitOfWork<?> inUnitOfWork(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        work.run();
        return unitOfWork;
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, 0, new Noted("with a write"),
                Map.of("actor", "test"));
    }

    private long rows(String id) {
        return jdbc.sql("SELECT count(*) FROM writes_with_the_events_test WHERE id = ?").param(id)
                .query(Long.class).single();
    }

    private long events(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?").param(aggregate)
                .query(Long.class).single();
    }
}
