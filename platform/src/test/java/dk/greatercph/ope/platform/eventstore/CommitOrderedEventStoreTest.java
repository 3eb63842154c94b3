package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's event store on real PostgreSQL: an append waits while another append is uncommitted, so global
 * indexes become visible in commit order; and every stored event gets its link in the tamper-evident chain,
 * which anyone can recompute from the table.
 */
@PlatformIntegrationTest
class CommitOrderedEventStoreTest {

    @Autowired
    EventStorageEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConnectionProvider connectionProvider;

    @Autowired
    TransactionManager axonTransactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    /** A payload of the test's own. */
    record Noted(String text) {
    }

    @Test
    void theEngineIsTheCommitOrderedOne() {
        assertThat(engine).isInstanceOf(CommitOrderedJdbcEventStorageEngine.class);
    }

    @Test
    void aCommandsAppendDoesNotWaitForAnUncommittedOneAndGlobalIndexesFollowCommitOrder() throws Exception {
        String first = "TST-" + UUID.randomUUID();
        String second = "TST-" + UUID.randomUUID();

        OpenTransaction slow = openTransaction(() -> engine.appendEvents(event(first, "slow")));
        engine.appendEvents(event(second, "fast"));

        assertThat(slow.isOpen()).as("the first append is still uncommitted").isTrue();
        assertThat(globalIndex(second)).as("committed, so indexed").isPositive();
        slow.commit();

        assertThat(globalIndex(first)).as("indexed when it committed, after the second").isGreaterThan(globalIndex(second));
        assertThat(unlinked()).isZero();
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void aCommandsAppendCommitsOnlyOnceItHasTheAppendLock() throws Exception {
        String aggregate = "TST-" + UUID.randomUUID();
        OpenTransaction holder = openTransaction(() -> jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", CommitOrderedJdbcEventStorageEngine.APPEND_LOCK_KEY).query().singleRow());

        CompletableFuture<Void> append = CompletableFuture.runAsync(() -> engine.appendEvents(event(aggregate, "waits")));
        waitUntilAnAppendWaitsForTheLock();
        assertThat(append).isNotDone();
        holder.commit();
        append.get(60, TimeUnit.SECONDS);

        assertThat(globalIndex(aggregate)).isPositive();
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void anAppendWaitsForAnUncommittedLargeAppendWhichHoldsTheLockFromItsStart() throws Exception {
        String first = "TST-" + UUID.randomUUID();
        String second = "TST-" + UUID.randomUUID();

        OpenTransaction slow = openTransaction(() -> engine.appendEvents(largeAppend(first, 0)));
        CompletableFuture<Void> fast = CompletableFuture.runAsync(() -> engine.appendEvents(event(second, "fast")));
        waitUntilAnAppendWaitsForTheLock();

        assertThat(fast).isNotDone();
        slow.commit();
        fast.get(60, TimeUnit.SECONDS);

        assertThat(jdbc.sql("SELECT max(globalIndex) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", first).query(Long.class).single()).isLessThan(globalIndex(second));
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void aCommandsEventsAndALargerAppendInOneTransactionAreIndexedInTheOrderTheyWereAppended() {
        String aggregate = "TST-" + UUID.randomUUID();
        List<EventMessage<?>> small = List.of(event(aggregate, 0, "small #0"), event(aggregate, 1, "small #1"));
        List<EventMessage<?>> large = largeAppend(aggregate, 2);
        List<EventMessage<?>> after = List.of(event(aggregate, 3 + CommitOrderedJdbcEventStorageEngine.DRAWN_AT_COMMIT,
                "small after"));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(small);
            engine.appendEvents(large);
            engine.appendEvents(after);
        });

        List<Long> sequenceByIndex = jdbc.sql("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = :id"
                + " ORDER BY globalIndex").param("id", aggregate).query(Long.class).list();
        assertThat(sequenceByIndex).hasSize(small.size() + large.size() + after.size()).isSorted()
                .doesNotHaveDuplicates();
        assertThat(unlinked()).isZero();
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void everyStoredEventIsLinkedAndTheChainRecomputesFromTheTable() {
        // Texts beyond ASCII: PostgreSQL hashes their UTF-8 bytes as the verification does.
        String aggregate = "TST-Ærø-北京-" + UUID.randomUUID();

        engine.appendEvents(List.of(event(aggregate, 0, "one"), event(aggregate, 1, "two"), event(aggregate, 2, "three")));

        assertThat(jdbc.sql("SELECT count(*) FROM " + EventChain.TABLE + " c JOIN DomainEventEntry e "
                        + "ON e.eventIdentifier = c.event_identifier WHERE e.aggregateIdentifier = :id")
                .param("id", aggregate).query(Long.class).single()).isEqualTo(3);
        assertThat(unlinked()).isZero();
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void eventsAreStoredWithTimeOrderedIdentifiers() throws InterruptedException {
        String aggregate = "TST-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "first"));
        Thread.sleep(2);
        engine.appendEvents(event(aggregate, 1, "second"));

        List<String> stored = jdbc.sql("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = :id"
                + " ORDER BY sequenceNumber").param("id", aggregate).query(String.class).list();

        assertThat(stored).hasSize(2).isSorted()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }

    @Test
    void appendsOfEverySizeGetIndexesInTheirOrderAndLinksThatRecompute() {
        // 1 and 16 events are indexed and linked by PostgreSQL as they commit, 17 and 40 take the lock first and go
        // as batches; events without an aggregate (no type, their own id as aggregate) among them.
        for (int size : new int[]{1, 16, 17, 40}) {
            String aggregate = "TST-" + UUID.randomUUID();
            List<EventMessage<?>> events = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                events.add(i % 3 == 2 ? GenericEventMessage.asEventMessage(new Noted(aggregate + " #" + i))
                        : event(aggregate, i - i / 3, aggregate + " #" + i));
            }

            engine.appendEvents(events);

            List<String> stored = jdbc.sql("SELECT eventIdentifier FROM DomainEventEntry WHERE eventIdentifier IN "
                            + "(:ids) ORDER BY globalIndex")
                    .param("ids", events.stream().map(EventMessage::getIdentifier).toList()).query(String.class).list();
            assertThat(stored).as("appended %d", size)
                    .containsExactlyElementsOf(events.stream().map(EventMessage::getIdentifier).toList());
        }
        assertThat(unlinked()).isZero();
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void anEventAlreadyStoredForItsAggregateAndSequenceIsRefusedAsAConcurrentChangeAndAppendsNothing() {
        String aggregate = "TST-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "first"));
        long linksBefore = jdbc.sql("SELECT count(*) FROM " + EventChain.TABLE).query(Long.class).single();

        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 1, "second"), event(aggregate, 0, "again")))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", aggregate).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM " + EventChain.TABLE).query(Long.class).single())
                .isEqualTo(linksBefore);
        engine.appendEvents(event(aggregate, 1, "after the refusal"));
        assertThat(brokenLinks()).isEmpty();

        // a large append (sent by COPY) with one event already stored: refused alike, nothing of it kept
        List<EventMessage<?>> large = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            large.add(event(aggregate, i == 20 ? 1 : 2 + i, "large #" + i));
        }
        assertThatThrownBy(() -> engine.appendEvents(large)).isInstanceOf(ConcurrencyException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", aggregate).query(Long.class).single()).isEqualTo(2);
        assertThat(brokenLinks()).isEmpty();
    }

    @Test
    void changingAStoredEventBreaksItsLink() {
        String aggregate = "TST-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, "as recorded"));
        StoredEvent stored = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", aggregate).query((rs, row) -> StoredEvent.read(rs)).single();
        byte[] link = jdbc.sql("SELECT link FROM " + EventChain.TABLE + " WHERE global_index = :index")
                .param("index", stored.globalIndex()).query(byte[].class).single();
        byte[] previous = jdbc.sql("SELECT link FROM " + EventChain.TABLE + " WHERE global_index < :index "
                        + "ORDER BY global_index DESC LIMIT 1")
                .param("index", stored.globalIndex()).query(byte[].class).optional().orElse(EventChain.GENESIS);
        StoredEvent tampered = new StoredEvent(stored.globalIndex(), stored.eventIdentifier(),
                stored.aggregateIdentifier(), stored.sequenceNumber(), stored.type(), stored.payloadType(),
                stored.payloadRevision(), "{\"text\":\"as rewritten\"}".getBytes(), stored.metaData(), stored.timeStamp());

        assertThat(EventChain.link(previous, stored)).isEqualTo(link);
        assertThat(EventChain.link(previous, tampered)).isNotEqualTo(link);
    }

    @Test
    void eventsReadForTheProcessorsAreWhatAxonsOwnEngineReadsTimeStampsAndGapsIncluded() {
        String aggregate = "TST-" + UUID.randomUUID();
        long before = jdbc.sql("SELECT coalesce(max(globalIndex), 0) FROM DomainEventEntry").query(Long.class).single();
        engine.appendEvents(event(aggregate, 0, "before the gap"));
        // A command's append that rolls back never drew an index; a larger one did, and leaves a gap of its size.
        List<EventMessage<?>> large = largeAppend("TST-" + UUID.randomUUID(), 0);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(event(aggregate, 1, "rolled back"));
            status.setRollbackOnly();
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(large);
            status.setRollbackOnly();
        });
        engine.appendEvents(List.of(event(aggregate, 1, "after the gap"), event(aggregate, 2, "last")));
        JdbcEventStorageEngine axons = JdbcEventStorageEngine.builder().connectionProvider(connectionProvider)
                .transactionManager(axonTransactions).eventSerializer(eventSerializer).snapshotSerializer(eventSerializer)
                .gapTimeout(60_000).batchSize(1000).build();

        for (TrackingToken from : java.util.Arrays.asList(null, GapAwareTrackingToken.newInstance(before, List.of()))) {
            List<TrackedEventMessage<?>> ours = read(engine, from, aggregate);
            List<TrackedEventMessage<?>> theirs = read(axons, from, aggregate);

            assertThat(ours).hasSize(3);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i).trackingToken()).isEqualTo(theirs.get(i).trackingToken());
                assertThat(((GapAwareTrackingToken) ours.get(i).trackingToken()).getGaps())
                        .isEqualTo(((GapAwareTrackingToken) theirs.get(i).trackingToken()).getGaps());
                assertThat(ours.get(i).getTimestamp()).isEqualTo(theirs.get(i).getTimestamp());
                assertThat(ours.get(i).getIdentifier()).isEqualTo(theirs.get(i).getIdentifier());
                assertThat(ours.get(i).getPayload()).isEqualTo(theirs.get(i).getPayload());
                assertThat(ours.get(i).getMetaData()).isEqualTo(theirs.get(i).getMetaData());
                assertThat(((DomainEventMessage<?>) ours.get(i)).getSequenceNumber())
                        .isEqualTo(((DomainEventMessage<?>) theirs.get(i)).getSequenceNumber());
            }
        }
        assertThat(((GapAwareTrackingToken) read(engine, GapAwareTrackingToken.newInstance(before, List.of()), aggregate)
                .get(1).trackingToken()).getGaps()).as("the rolled-back indexes, a recent gap").hasSize(large.size());
    }

    /** A payload with the kinds of fields events carry. */
    record Planned(String id, java.time.Instant startsAt, java.time.LocalDate day, List<String> themes,
                   java.math.BigDecimal amount, Noted nested, Boolean hospital) {
    }

    @Test
    void theStoresSerializerWritesWhatAxonsEventSerializerWritesAndFindsEachClassOnce() {
        Serializer stores = ((JdbcEventStorageEngine) engine).getEventSerializer();
        Planned planned = new Planned("item-1", java.time.Instant.parse("2027-04-12T08:00:00.123456789Z"),
                java.time.LocalDate.of(2027, 4, 12), List.of("TOURISM", "Nanjing 南京"), new java.math.BigDecimal("1200.50"),
                new Noted("with \"quotes\""), null);

        SerializedObject<byte[]> ours = stores.serialize(planned, byte[].class);
        SerializedObject<byte[]> axons = eventSerializer.serialize(planned, byte[].class);

        assertThat(stores).isInstanceOf(ClassCachingJackson3Serializer.class);
        assertThat(new String(ours.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(axons.getData(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ours.getType()).isEqualTo(axons.getType());
        assertThat((Object) stores.deserialize(axons)).isEqualTo(planned);
        assertThat((Object) eventSerializer.deserialize(ours)).isEqualTo(planned);
        for (Serializer serializer : List.of(stores, eventSerializer)) { // both read with the project's module
            ObjectMapper mapper = ((Jackson3Serializer) serializer).getObjectMapper();
            Object planneds = mapper._deserializationContext().findRootValueDeserializer(mapper.constructType(Planned.class));
            assertThat(((BeanDeserializerBase) planneds).getValueInstantiator())
                    .isInstanceOf(SpreadCreators.Instantiator.class);
            assertThat(mapper._deserializationContext().findRootValueDeserializer(mapper.constructType(Instant.class)))
                    .isInstanceOf(StoredLayoutDeserializer.class);
        }
        for (SerializedType type : List.of(ours.getType(), new SimpleSerializedType("dk.greatercph.ope.NoSuchEvent", null),
                SimpleSerializedType.emptyType(), new SimpleSerializedType(String.class.getName(), "2"))) {
            assertThat(stores.classForType(type)).as(type.toString()).isEqualTo(eventSerializer.classForType(type));
            assertThat(stores.classForType(type)).as(type + ", again").isEqualTo(eventSerializer.classForType(type));
        }
    }

    /**
     * The time index's function reads every layout as the cast does, and the audit's time filter still finds the
     * index. It is PL/pgSQL, not SQL: a SQL function whose cast is less immutable than declared is not run
     * inline, and cost a statement of its own at every insert (V3).
     */
    @Test
    void theEventTimeFunctionGivesTheCastsValueAndTheIndexStillServesTheTimeFilter() {
        for (String stamp : List.of("2026-12-01T15:30:18.754Z", "2026-12-01T15:30:18Z", "2026-12-01T15:30:18.1Z",
                "2026-12-01T15:30:18.123456Z", "2026-12-01T15:30:18.123456789Z", "2026-12-01T16:30:18.754+01:00",
                "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z")) {
            assertThat(jdbc.sql("SELECT ope_event_time(:stamp) = CAST(CAST(:stamp AS VARCHAR) AS TIMESTAMPTZ)")
                    .param("stamp", stamp).query(Boolean.class).single()).as(stamp).isTrue();
        }
        assertThat(jdbc.sql("SELECT ope_event_time(NULL) IS NULL").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                + "WHERE p.proname = 'ope_event_time'").query(String.class).single()).isEqualTo("plpgsql");
        String plan = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN SELECT globalIndex FROM DomainEventEntry "
                    + "WHERE ope_event_time(timeStamp) >= now() - interval '1 day'").query(String.class).list());
        });
        assertThat(plan).contains("domain_event_time");
    }

    /** The events of {@code aggregate} that {@code storage} streams from {@code from} on. */
    private static List<TrackedEventMessage<?>> read(EventStorageEngine storage, TrackingToken from, String aggregate) {
        try (java.util.stream.Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            return events.filter(event -> event instanceof DomainEventMessage<?> domain
                            && aggregate.equals(domain.getAggregateIdentifier()))
                    .limit(3).<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }

    private GenericDomainEventMessage<Noted> event(String aggregate, String text) {
        return event(aggregate, 0, text);
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, sequence, new Noted(text),
                Map.of("actor", "test"));
    }

    private long globalIndex(String aggregate) {
        return jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = :id")
                .param("id", aggregate).query(Long.class).single();
    }

    private long unlinked() {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry e LEFT JOIN " + EventChain.TABLE
                + " c ON c.event_identifier = e.eventIdentifier WHERE c.link IS NULL").query(Long.class).single();
    }

    /** The global indexes whose stored link differs from the one recomputed from the table, from the start. */
    private List<Long> brokenLinks() {
        List<StoredEvent> events = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex")
                .query((rs, row) -> StoredEvent.read(rs)).list();
        Map<Long, byte[]> links = new java.util.HashMap<>();
        jdbc.sql("SELECT global_index, link FROM " + EventChain.TABLE).query(rs -> {
            links.put(rs.getLong(1), rs.getBytes(2));
        });
        byte[] previous = EventChain.GENESIS;
        List<Long> broken = new java.util.ArrayList<>();
        for (StoredEvent event : events) {
            byte[] link = EventChain.link(previous, event);
            if (!Arrays.equals(link, links.get(event.globalIndex()))) {
                broken.add(event.globalIndex());
            }
            previous = link;
        }
        return broken;
    }

    /** The events of an append one larger than a command's, for {@code aggregate} from {@code firstSequence} on. */
    private static List<EventMessage<?>> largeAppend(String aggregate, long firstSequence) {
        List<EventMessage<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i <= CommitOrderedJdbcEventStorageEngine.DRAWN_AT_COMMIT; i++) {
            events.add(event(aggregate, firstSequence + i, "large #" + i));
        }
        return events;
    }

    /** Runs {@code work} in a transaction on another thread, which stays open until {@link OpenTransaction#commit()}. */
    private OpenTransaction openTransaction(Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    work.run();
                    done.countDown();
                    await(commit);
                }));
        assertThat(done.await(60, TimeUnit.SECONDS)).as("the work in the open transaction was done").isTrue();
        return new OpenTransaction(transaction, commit);
    }

    private record OpenTransaction(CompletableFuture<Void> transaction, CountDownLatch commitSignal) {

        boolean isOpen() {
            return !transaction.isDone();
        }

        void commit() throws Exception {
            commitSignal.countDown();
            transaction.get(60, TimeUnit.SECONDS);
        }
    }

    private void waitUntilAnAppendWaitsForTheLock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second append never waited for the append lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("never told to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
