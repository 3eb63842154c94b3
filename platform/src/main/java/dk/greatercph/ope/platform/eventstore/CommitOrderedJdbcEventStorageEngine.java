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
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A JDBC event storage engine whose appends are serialised by a PostgreSQL transaction-level advisory lock.
 * <p>
 * The lock is taken in the appending transaction before the global index is drawn from its sequence, and
 * held until that transaction commits or rolls back. So no append can draw a global index while another
 * append is uncommitted: global indexes become visible strictly in order, and a streaming processor never
 * sees a "gap" that a slow transaction fills later. That rules out the loss described in AxonFramework issue
 * 4829, where a gap older than the gap timeout is skipped for good. Gaps still arise from rolled-back appends;
 * those are permanent and skipping them is correct. The lock spans every process on the database (split
 * mode included).
 * <p>
 * The same lock makes the tamper-evident {@link EventChain} well defined: in the appending transaction, after
 * the rows are inserted, the engine appends one link per event to the chain, continuing from the link of the
 * event appended before. It links the very bytes and texts it wrote (the database only adds the global index,
 * which the insert returns), so nothing is read back.
 * <p>
 * The lock is held by every append until it commits, so its length bounds the rate of appends: the events are
 * serialised before it is taken, and taking it and reading the chain's head share one round trip.
 * <p>
 * Reading for the streaming processors is Axon's, except that each event's time stamp is parsed once, by
 * {@link StoredTimestamps}, and kept: Axon parsed it with the JDK's formatter to decide on gaps and again whenever
 * the event's time was asked for.
 */
public class CommitOrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock key that serialises appends to the event table ("OPE-APPEND" in ASCII, truncated). */
    static final long APPEND_LOCK_KEY = 0x4F50452D41505045L;

    /** How many links are written per JDBC batch, and how many rows are fetched per round trip. */
    private static final int LINK_BATCH = 1000;

    /**
     * The builder is given these ({@code EventStoreAutoConfiguration}), and reading uses them: Axon keeps the
     * builder's values to itself. They are Axon's defaults.
     */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int MAX_GAP_OFFSET = 10_000;

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

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        // Serialising costs CPU and no lock: done before the lock is taken, so the lock is held only for the
        // statements themselves and the commit.
        List<Row> rows = events.stream().map(event -> Row.of(event, serializer)).toList();
        transactionManager.executeInTransaction(() -> withConnection(connection -> {
            byte[] previous = lockAndReadChainHead(connection);
            long[] globalIndexes;
            try {
                globalIndexes = insert(connection, rows);
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
                throw e;
            }
            if (previous == null) {
                linkAll(connection, EventChain.GENESIS);
            } else {
                linkInserted(connection, previous, rows, globalIndexes);
            }
        }, "Could not append the events"));
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

    /**
     * Takes the append lock and then reads the chain's head, in one round trip. The head is read by a second
     * statement, so that under READ COMMITTED it sees every append committed before the lock was granted.
     */
    private static byte[] lockAndReadChainHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?); "
                + "SELECT link FROM " + EventChain.TABLE + " ORDER BY global_index DESC LIMIT 1")) {
            statement.setLong(1, APPEND_LOCK_KEY);
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("The chain head was not read after the append lock");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Inserts the rows in one batch and returns the global index the database gave each, in order. */
    private static long[] insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                + "metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"globalindex"})) {
            for (Row row : rows) {
                insert.setString(1, row.eventIdentifier());
                insert.setString(2, row.aggregateIdentifier());
                insert.setLong(3, row.sequenceNumber());
                insert.setString(4, row.type());
                insert.setString(5, row.timeStamp());
                insert.setString(6, row.payloadType());
                insert.setString(7, row.payloadRevision());
                insert.setBytes(8, row.payload());
                insert.setBytes(9, row.metaData());
                insert.addBatch();
            }
            insert.executeBatch();
            long[] globalIndexes = new long[rows.size()];
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < globalIndexes.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("The database returned " + i + " global indexes for " + rows.size()
                                + " events");
                    }
                    globalIndexes[i] = keys.getLong(1);
                }
            }
            return globalIndexes;
        }
    }

    /** Links the rows just inserted from what the engine wrote, without reading them back. */
    private static void linkInserted(Connection connection, byte[] previous, List<Row> rows, long[] globalIndexes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + EventChain.TABLE
                + " (global_index, event_identifier, link) VALUES (?, ?, ?)")) {
            byte[] link = previous;
            for (int i = 0; i < rows.size(); i++) {
                StoredEvent event = rows.get(i).stored(globalIndexes[i]);
                link = EventChain.link(link, event);
                insert.setLong(1, event.globalIndex());
                insert.setString(2, event.eventIdentifier());
                insert.setBytes(3, link);
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
