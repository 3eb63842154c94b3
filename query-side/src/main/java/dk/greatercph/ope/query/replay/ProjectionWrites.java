package dk.greatercph.ope.query.replay;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of a projection's event handlers, sent to PostgreSQL together: when the processor's batch commits, or
 * earlier when the projection is about to read ({@link #flush}). Consecutive writes of the same statement go as one
 * JDBC batch, which the driver sends without waiting for each answer; the order of the writes is kept, except
 * between delegations (below).
 * <p>
 * A projection that wrote one statement per event paid a round trip for each, and on two busy cores its processor
 * spent most of its time waiting for them (docs/performance.md). A handler in a savepoint of its own, or outside a
 * batch, writes at once, and a batch whose writes are refused is retried with a savepoint per event
 * ({@link SentAtCommit}).
 * <p>
 * A handler's reads must see the writes before them: a projection that reads in its handlers calls {@link #flush}
 * first. Writes are not counted: a handler that needs the number of rows it changed writes at once through its own
 * {@code JdbcClient}.
 * <p>
 * A write that changes only the rows of one delegation says so ({@link Write#of}); writes of different delegations
 * are then sent in whatever order puts equal statements together ({@link #together}). A batch of many delegations
 * otherwise alternated between its statements, one delegation after another, and sent nearly every write alone
 * (docs/performance.md, "The projections' writes put together").
 */
@Component
public class ProjectionWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, SentAtCommit<Write>> groups = new ConcurrentHashMap<>();

    public ProjectionWrites(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** A write of {@code group}'s handler: {@code sql} with named parameters. */
    public Write sql(String group, String sql) {
        return new Write(group, sql);
    }

    /** Sends what {@code group} has written in the current batch so far, so that a read sees it. */
    public void flush(String group) {
        sentAtCommit(group).flush();
    }

    private SentAtCommit<Write> sentAtCommit(String group) {
        return groups.computeIfAbsent(group, name -> new SentAtCommit<>(name, "writes", this::send));
    }

    /** Sends {@code writes}: consecutive writes of the same statement as one JDBC batch. */
    private void send(List<Write> written) {
        List<Write> writes = together(written);
        int from = 0;
        while (from < writes.size()) {
            String sql = writes.get(from).sql;
            int to = from + 1;
            while (to < writes.size() && writes.get(to).sql.equals(sql)) {
                to++;
            }
            if (to - from == 1) {
                jdbc.update(sql, writes.get(from).params);
            } else {
                jdbc.batchUpdate(sql, writes.subList(from, to).stream()
                        .map(write -> (SqlParameterSource) write.params).toArray(SqlParameterSource[]::new));
            }
            from = to;
        }
    }

    /**
     * {@code writes} in an order that puts equal statements next to each other: each delegation's writes keep their
     * order, and a write of no one delegation stays where it is, with everything before it sent first and
     * everything after it later. Between two such writes, the delegations are taken in the order of their first
     * write, and each step takes, from every delegation in turn, its next writes as long as they are the statement
     * of the first delegation's next write.
     */
    static List<Write> together(List<Write> writes) {
        List<Write> ordered = new ArrayList<>(writes.size());
        Map<String, ArrayDeque<Write>> byDelegation = new LinkedHashMap<>();
        for (Write write : writes) {
            if (write.delegation == null) {
                takeInSteps(byDelegation, ordered);
                ordered.add(write);
            } else {
                byDelegation.computeIfAbsent(write.delegation, id -> new ArrayDeque<>()).add(write);
            }
        }
        takeInSteps(byDelegation, ordered);
        return ordered;
    }

    private static void takeInSteps(Map<String, ArrayDeque<Write>> byDelegation, List<Write> ordered) {
        while (!byDelegation.isEmpty()) {
            String sql = byDelegation.values().iterator().next().getFirst().sql;
            for (Iterator<ArrayDeque<Write>> queues = byDelegation.values().iterator(); queues.hasNext(); ) {
                ArrayDeque<Write> queue = queues.next();
                while (!queue.isEmpty() && queue.getFirst().sql.equals(sql)) {
                    ordered.add(queue.removeFirst());
                }
                if (queue.isEmpty()) {
                    queues.remove();
                }
            }
        }
    }

    /** One statement and its parameters. */
    public final class Write {
        private final String group;
        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();
        private String delegation;

        private Write(String group, String sql) {
            this.group = group;
            this.sql = sql;
        }

        public Write param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        /**
         * This write changes only rows of delegation {@code delegationId}, and no trigger it fires depends on another
         * delegation's rows: it may be sent before or after the writes of other delegations.
         */
        public Write of(String delegationId) {
            this.delegation = delegationId;
            return this;
        }

        @Override
        public String toString() {
            return (delegation == null ? "-" : delegation) + " " + sql;
        }

        /** Writes with the rest of the batch, or at once outside a batch and in a handler's own savepoint. */
        public void update() {
            sentAtCommit(group).add(this);
        }
    }
}
