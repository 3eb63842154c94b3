package dk.greatercph.ope.platform.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A JDBC event storage engine whose appends are serialised by a PostgreSQL transaction-level advisory lock.
 * <p>
 * Every global index is drawn while the lock is held, and the lock is held until the drawing transaction commits
 * or rolls back. So no append can draw a global index while another append is uncommitted: global indexes become
 * visible strictly in order, and a streaming processor never sees a "gap" that a slow transaction fills later. That
 * rules out the loss described in AxonFramework issue 4829, where a gap older than the gap timeout is skipped for
 * good. Gaps still arise from rolled-back appends; those are permanent and skipping them is correct. The lock spans
 * every process on the database (split mode included).
 * <p>
 * The same lock makes the tamper-evident {@link EventChain} well defined: each event's link continues from the link
 * of the event indexed before it, and is written in the event's own transaction.
 * <p>
 * A command's events (up to {@link #DRAWN_AT_COMMIT}) take no lock while the command runs. They are inserted with
 * provisional, negative global indexes, and a deferred trigger ({@code V5__global_index_drawn_at_commit.sql}) takes
 * the lock while their transaction commits, draws their indexes and writes their links in PostgreSQL. The lock is
 * then held for the commit alone, not for the round trips to this JVM before it, and a transaction that stays open
 * holds back no other append. Larger appends (an import's, a benchmark's history) take the lock in their first
 * statement, draw their indexes, and insert the events with links computed here from the bytes written: nothing
 * is read back. Before that they have the trigger index the transaction's earlier provisional events, so that
 * indexes follow the order of appends within a transaction too.
 * <p>
 * Reading for the streaming processors is Axon's, except that each event's time stamp is parsed once, by
 * {@link StoredTimestamps}, and kept: Axon parsed it with the JDK's formatter to decide on gaps and again whenever
 * the event's time was asked for.
 */
public class CommitOrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /**
     * The advisory lock key that serialises appends to the event table ("OPE-APPEND" in ASCII, truncated): in
     * {@code pg_locks} as an advisory lock with {@code classid} 1330660653 and {@code objid} 1095782469.
     */
    public static final long APPEND_LOCK_KEY = 0x4F50452D41505045L;

    /** The sequence the global index is drawn from (V1__axon_storage.sql). */
    static final String GLOBAL_INDEX_SEQUENCE = "domain_event_global_index_seq";

    private static final String EVENT_COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
            + "type, timeStamp, payloadType, payloadRevision, payload, metaData";
    private static final String INSERT_EVENTS = "INSERT INTO DomainEventEntry (" + EVENT_COLUMNS + ") VALUES ";
    private static final String PROVISIONAL_VALUES =
            "(-nextval('domain_event_provisional_index_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The deferred trigger that indexes and links provisional events as their transaction commits (V5). */
    static final String COMMIT_ORDER_TRIGGER = "domain_event_commit_order";

    /**
     * Appends of up to this many events (a command's) are inserted with provisional indexes, in one round trip,
     * and indexed as they commit; larger ones take the lock first.
     */
    static final int DRAWN_AT_COMMIT = 16;
    private static final String[] PROVISIONAL_INSERTS = provisionalInserts(DRAWN_AT_COMMIT);

    /** How many links are written per JDBC batch, and how many rows are fetched per round trip. */
    private static final int LINK_BATCH = 1000;

    /**
     * The builder is given these ({@code EventStoreAutoConfiguration}), and reading uses them: Axon keeps the
     * builder's values to itself. They are Axon's defaults.
     */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;

    private final LongAdder trackedEventsRead = new LongAdder();
    private final TransactionManager transactionManager;
    private final Duration gapTimeout;

    /**
     * @param gapTimeout the gap timeout {@code builder} was given; Axon keeps it to itself, and reading needs it
     */
    public CommitOrderedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                               TransactionManager transactionManager, Duration gapTimeout) {
        super(builder);
        this.transactionManager = transactionManager;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Axon's reading of one event for a streaming processor (JdbcEventStorageEngine 4.13), the token's gaps
     * included, with the time stamp parsed once.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        trackedEventsRead.increment();
        EventSchema schema = schema();
        long globalIndex = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String timestampText = resultSet.getString(schema.timestampColumn());
        Instant timestamp = StoredTimestamps.parse(timestampText);
        ReadEvent<?> event = new ReadEvent<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestampText, timestamp,
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minus(gapTimeout));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalIndex, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex), globalIndex).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalIndex, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /**
     * How many events this engine has read for streaming processors since it started: one read of each event for
     * all the processors near the head (the embedded event store's shared stream), and one more for each processor
     * that reads it on its own, further behind ({@code ope.event-store.cached-events}).
     */
    public long trackedEventsRead() {
        return trackedEventsRead.sum();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Serialising costs CPU and no lock: done before the lock is taken.
        List<Row> rows = events.stream().map(event -> Row.of(event, serializer)).toList();
        List<WritesWithTheEvents.Write> writes = WritesWithTheEvents.take();
        transactionManager.executeInTransaction(() -> withConnection(connection -> {
            if (rows.size() <= DRAWN_AT_COMMIT) {
                try {
                    insertProvisional(connection, writes, rows);
                } catch (SQLException e) {
                    handlePersistenceException(e, events.get(0));
                    throw e;
                }
                return;
            }
            for (WritesWithTheEvents.Write write : writes) {
                try (PreparedStatement statement = connection.prepareStatement(write.sql())) {
                    setParameters(statement, 1, write);
                    statement.execute();
                }
            }
            indexProvisionalEventsNow(connection);
            LockedHead head = lockReadChainHeadAndDrawIndexes(connection, rows.size());
            try {
                if (head.link() == null) {
                    insert(connection, rows, head.globalIndexes(), null);
                    linkAll(connection, EventChain.GENESIS);
                } else {
                    insert(connection, rows, head.globalIndexes(), links(head.link(), rows, head.globalIndexes()));
                }
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
                throw e;
            }
        }, "Could not append the events"));
    }

    /**
     * Inserts a command's events with provisional global indexes, in one multi-row insert kept prepared per size by
     * the driver, and in front of it in the same text the command's {@link WritesWithTheEvents}: one round trip. No
     * lock is taken: the trigger indexes and links the events as their transaction commits.
     */
    private static void insertProvisional(Connection connection, List<WritesWithTheEvents.Write> writes,
                                          List<Row> rows) throws SQLException {
        String text = PROVISIONAL_INSERTS[rows.size()];
        if (!writes.isEmpty()) {
            StringBuilder withWrites = new StringBuilder();
            writes.forEach(write -> withWrites.append(write.sql()).append("; "));
            text = withWrites.append(text).toString();
        }
        try (PreparedStatement insert = connection.prepareStatement(text)) {
            int parameter = 1;
            for (WritesWithTheEvents.Write write : writes) {
                parameter = setParameters(insert, parameter, write);
            }
            for (Row row : rows) {
                parameter = setEventWithoutIndex(insert, parameter, row);
            }
            insert.execute();
        }
    }

    /**
     * Has the trigger index and link the transaction's provisional events now, ahead of a larger append in the same
     * transaction, so that they come before it in the log as they came before it in the transaction.
     */
    private static void indexProvisionalEventsNow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET CONSTRAINTS " + COMMIT_ORDER_TRIGGER + " IMMEDIATE; SET CONSTRAINTS "
                    + COMMIT_ORDER_TRIGGER + " DEFERRED");
        }
    }

    /**
     * Links every stored event if the chain has not begun yet: events appended before the chain existed get
     * their links once, in order, at the first start that finds them unlinked. Afterwards only appends write
     * links.
     */
    public void linkHistoryIfChainIsEmpty() {
        transactionManager.executeInTransaction(() -> withConnection(connection -> {
            takeAppendLock(connection);
            if (chainHead(connection) == null) {
                linkAll(connection, EventChain.GENESIS);
            }
        }, "Could not link the events stored before the chain existed"));
    }

    private static byte[] chainHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT link FROM " + EventChain.TABLE + " ORDER BY global_index DESC LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    private static void linkAll(Connection connection, byte[] genesis) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex")) {
            read.setFetchSize(LINK_BATCH);
            try (ResultSet rs = read.executeQuery()) {
                insertLinks(connection, genesis, rs);
            }
        }
    }

    /** The chain's head when the append lock was granted ({@code null} before the first link), and the indexes drawn. */
    private record LockedHead(byte[] link, long[] globalIndexes) {
    }

    /**
     * Takes the append lock, then reads the chain's head and draws a global index for each event, in one round
     * trip. Head and indexes are read by statements after the lock's, so that under READ COMMITTED they see every
     * append committed before the lock was granted; an index is drawn only while the lock is held, so indexes
     * become visible in the order they were drawn.
     */
    private static LockedHead lockReadChainHeadAndDrawIndexes(Connection connection, int events)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?); "
                + "SELECT link FROM " + EventChain.TABLE + " ORDER BY global_index DESC LIMIT 1; "
                + "SELECT nextval('" + GLOBAL_INDEX_SEQUENCE + "') FROM generate_series(1, ?)")) {
            statement.setLong(1, APPEND_LOCK_KEY);
            statement.setInt(2, events);
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("The chain head was not read after the append lock");
            }
            byte[] link;
            try (ResultSet rs = statement.getResultSet()) {
                link = rs.next() ? rs.getBytes(1) : null;
            }
            if (!statement.getMoreResults()) {
                throw new SQLException("No global indexes were drawn after the append lock");
            }
            long[] globalIndexes = new long[events];
            try (ResultSet rs = statement.getResultSet()) {
                for (int i = 0; i < events; i++) {
                    if (!rs.next()) {
                        throw new SQLException("The database drew " + i + " global indexes for " + events + " events");
                    }
                    globalIndexes[i] = rs.getLong(1);
                }
            }
            Arrays.sort(globalIndexes);
            return new LockedHead(link, globalIndexes);
        }
    }

    /** Each row's link, continuing from {@code previous}, from what the engine writes: nothing is read back. */
    private static byte[][] links(byte[] previous, List<Row> rows, long[] globalIndexes) {
        byte[][] links = new byte[rows.size()][];
        byte[] link = previous;
        for (int i = 0; i < links.length; i++) {
            link = EventChain.link(link, rows.get(i).stored(globalIndexes[i]));
            links[i] = link;
        }
        return links;
    }

    /**
     * Inserts the rows under the global indexes drawn for them and, given their links, the links too: each table's
     * rows by one binary {@code COPY} ({@link BinaryCopy}).
     */
    private static void insert(Connection connection, List<Row> rows, long[] globalIndexes, byte[][] links)
            throws SQLException {
        int size = 0;
        for (Row row : rows) {
            size += 256 + row.payload().length + (row.metaData() == null ? 0 : row.metaData().length);
        }
        BinaryCopy events = new BinaryCopy(10, size);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            events.row().int8(globalIndexes[i]).text(row.eventIdentifier()).text(row.aggregateIdentifier())
                    .int8(row.sequenceNumber()).text(row.type()).text(row.timeStamp()).text(row.payloadType())
                    .text(row.payloadRevision()).bytes(row.payload()).bytes(row.metaData());
        }
        events.copyInto(connection, "DomainEventEntry", EVENT_COLUMNS);
        if (links != null) {
            BinaryCopy chain = new BinaryCopy(3, rows.size() * 96);
            for (int i = 0; i < rows.size(); i++) {
                chain.row().int8(globalIndexes[i]).text(rows.get(i).eventIdentifier()).bytes(links[i]);
            }
            chain.copyInto(connection, EventChain.TABLE, "global_index, event_identifier, link");
        }
    }

    private static int setParameters(PreparedStatement statement, int first, WritesWithTheEvents.Write write)
            throws SQLException {
        int parameter = first;
        for (Object value : write.parameters()) {
            statement.setObject(parameter++, value);
        }
        return parameter;
    }

    /** Sets a row's columns after the global index, from parameter {@code first} on; returns the next parameter. */
    private static int setEventWithoutIndex(PreparedStatement insert, int first, Row row) throws SQLException {
        int parameter = first;
        insert.setString(parameter++, row.eventIdentifier());
        insert.setString(parameter++, row.aggregateIdentifier());
        insert.setLong(parameter++, row.sequenceNumber());
        insert.setString(parameter++, row.type());
        insert.setString(parameter++, row.timeStamp());
        insert.setString(parameter++, row.payloadType());
        insert.setString(parameter++, row.payloadRevision());
        insert.setBytes(parameter++, row.payload());
        insert.setBytes(parameter++, row.metaData());
        return parameter;
    }

    private static String[] provisionalInserts(int most) {
        String[] texts = new String[most + 1];
        for (int n = 1; n <= most; n++) {
            texts[n] = INSERT_EVENTS + String.join(", ", Collections.nCopies(n, PROVISIONAL_VALUES));
        }
        return texts;
    }

    /**
     * One event as Axon's JDBC engine stores it (its default append statement): an event without an aggregate is
     * stored under its own id with sequence 0 and no type; payload and metadata as bytes; the time stamp as ISO-8601
     * text.
     */
    private record Row(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                       String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metaData) {

        static Row of(EventMessage<?> message, Serializer serializer) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message,
                    message::getTimestamp);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            return new Row(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getType(), StoredTimestamps.format(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
        }

        StoredEvent stored(long globalIndex) {
            return new StoredEvent(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                    payloadType, payloadRevision, payload, metaData, timeStamp);
        }
    }

    private static void insertLinks(Connection connection, byte[] previous, ResultSet events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + EventChain.TABLE
                + " (global_index, event_identifier, link) VALUES (?, ?, ?)")) {
            byte[] link = previous;
            int pending = 0;
            while (events.next()) {
                StoredEvent event = StoredEvent.read(events);
                link = EventChain.link(link, event);
                insert.setLong(1, event.globalIndex());
                insert.setString(2, event.eventIdentifier());
                insert.setBytes(3, link);
                insert.addBatch();
                if (++pending == LINK_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void takeAppendLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            statement.setLong(1, APPEND_LOCK_KEY);
            statement.executeQuery().close();
        }
    }

    private void withConnection(SqlWork work, String failure) {
        try (Connection connection = getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new EventStoreException(failure, e);
        }
    }

    /** A stored event read for a streaming processor, with its time stamp already parsed. */
    private static final class ReadEvent<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        ReadEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                  String timestampText, Instant timestamp, String payloadType, String payloadRevision, T payload,
                  T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestampText, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
