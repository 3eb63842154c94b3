package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.query.deadletter.ProjectionSavepoints;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The writes of a projection's event handlers, sent to PostgreSQL together: when the processor's batch commits, or
 * earlier when the projection is about to read ({@link #flush}). Consecutive writes of the same statement go as one
 * JDBC batch, which the driver sends without waiting for each answer; the order of all writes is kept.
 * <p>
 * A projection that wrote one statement per event paid a round trip for each, and on two busy cores its processor
 * spent most of its time waiting for them (docs/performance.md). The rules of the savepoint per event still hold: a
 * handler that runs in a savepoint of its own, or outside a streaming processor's batch, writes at once, so that a
 * refused write is rolled back and parked with its own event; when the writes of a batch are refused together, the
 * batch is rolled back and retried with a savepoint per handler up to the last event that wrote
 * ({@link ProjectionSavepoints#retryWithSavepointsUpTo}).
 * <p>
 * A handler's reads must see the writes before them: a projection that reads in its handlers calls {@link #flush}
 * first. Writes are not counted: a handler that needs the number of rows it changed writes at once through its own
 * {@code JdbcClient}.
 */
@Component
public class ProjectionWrites {

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionWrites(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** A write of {@code group}'s handler: {@code sql} with named parameters. */
    public Write sql(String group, String sql) {
        return new Write(group, sql);
    }

    /** Sends what {@code group} has written in the current batch so far, so that a read sees it. */
    public void flush(String group) {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(key(group));
            if (pending != null) {
                pending.send();
            }
        }
    }

    private static String key(String group) {
        return "projection-writes." + group;
    }

    /** One statement and its parameters. */
    public final class Write {
        private final String group;
        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Write(String group, String sql) {
            this.group = group;
            this.sql = sql;
        }

        public Write param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        /** Writes with the rest of the batch, or at once outside a batch and in a handler's own savepoint. */
        public void update() {
            if (!CurrentUnitOfWork.isStarted() || ProjectionSavepoints.handlerInOwnSavepoint()) {
                jdbc.update(sql, params);
                return;
            }
            UnitOfWork<?> current = CurrentUnitOfWork.get();
            UnitOfWork<?> batch = current.root();
            Pending pending = batch.getOrComputeResource(key(group), key -> {
                Pending fresh = new Pending(group);
                batch.onPrepareCommit(unitOfWork -> fresh.send());
                return fresh;
            });
            pending.add(this, current.getMessage());
        }
    }

    /** The writes of one group's batch not yet sent, and the position of the last event that made one. */
    private final class Pending {
        private final String group;
        private final List<Write> writes = new ArrayList<>();
        private OptionalLong lastPosition = OptionalLong.empty();

        Pending(String group) {
            this.group = group;
        }

        void add(Write write, Message<?> message) {
            writes.add(write);
            if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                lastPosition = tracked.trackingToken().position();
            }
        }

        void send() {
            if (writes.isEmpty()) {
                return;
            }
            List<Write> sending = List.copyOf(writes);
            writes.clear();
            try {
                int from = 0;
                while (from < sending.size()) {
                    String sql = sending.get(from).sql;
                    int to = from + 1;
                    while (to < sending.size() && sending.get(to).sql.equals(sql)) {
                        to++;
                    }
                    if (to - from == 1) {
                        jdbc.update(sql, sending.get(from).params);
                    } else {
                        jdbc.batchUpdate(sql, sending.subList(from, to).stream()
                                .map(write -> (SqlParameterSource) write.params).toArray(SqlParameterSource[]::new));
                    }
                    from = to;
                }
            } catch (RuntimeException refused) {
                if (lastPosition.isEmpty()) {
                    throw refused;
                }
                throw ProjectionSavepoints.retryWithSavepointsUpTo(group, lastPosition.getAsLong(), refused);
            }
        }
    }
}
