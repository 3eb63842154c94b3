package dk.greatercph.ope.platform.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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
 * the rows are inserted, the engine reads back exactly what was stored and appends one link per event to the
 * chain, continuing from the link of the event appended before.
 */
public class CommitOrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    /** The advisory lock key that serialises appends to the event table ("OPE-APPEND" in ASCII, truncated). */
    static final long APPEND_LOCK_KEY = 0x4F50452D41505045L;

    /** How many links are written per JDBC batch, and how many rows are fetched per round trip. */
    private static final int LINK_BATCH = 1000;

    private final TransactionManager transactionManager;

    public CommitOrderedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder,
                                               TransactionManager transactionManager) {
        super(builder);
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            withConnection(CommitOrderedJdbcEventStorageEngine::takeAppendLock, "Could not take the event append lock");
            super.appendEvents(events, serializer);
            List<String> identifiers = events.stream().map(EventMessage::getIdentifier).toList();
            withConnection(connection -> linkEvents(connection, identifiers), "Could not extend the event chain");
        });
    }

    /**
     * Links every stored event if the chain has not begun yet: events appended before the chain existed get
     * their links once, in order, at the first start that finds them unlinked. Afterwards only appends write
     * links.
     */
    public void linkHistoryIfChainIsEmpty() {
        transactionManager.executeInTransaction(() -> withConnection(connection -> {
            takeAppendLock(connection);
            linkEvents(connection, List.of());
        }, "Could not link the events stored before the chain existed"));
    }

    private void linkEvents(Connection connection, List<String> appended) throws SQLException {
        byte[] previous = chainHead(connection);
        if (previous == null) {
            linkAll(connection, EventChain.GENESIS);
        } else if (!appended.isEmpty()) {
            linkAppended(connection, previous, appended);
        }
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

    private static void linkAppended(Connection connection, byte[] previous, List<String> appended)
            throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                + " FROM DomainEventEntry WHERE eventIdentifier = ANY (?) ORDER BY globalIndex")) {
            Array identifiers = connection.createArrayOf("varchar", appended.toArray());
            read.setArray(1, identifiers);
            try (ResultSet rs = read.executeQuery()) {
                insertLinks(connection, previous, rs);
            }
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

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
