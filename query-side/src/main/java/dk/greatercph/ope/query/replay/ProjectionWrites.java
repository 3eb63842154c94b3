package dk.greatercph.ope.query.replay;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes of a projection's event handlers, sent to PostgreSQL together: when the processor's batch commits, or
 * earlier when the projection is about to read ({@link #flush}). Consecutive writes of the same statement go as one
 * JDBC batch, which the driver sends without waiting for each answer; the order of all writes is kept.
 * <p>
 * A projection that wrote one statement per event paid a round trip for each, and on two busy cores its processor
 * spent most of its time waiting for them (docs/performance.md). A handler in a savepoint of its own, or outside a
 * batch, writes at once, and a batch whose writes are refused is retried with a savepoint per event
 * ({@link SentAtCommit}).
 * <p>
 * A handler's reads must see the writes before them: a projection that reads in its handlers calls {@link #flush}
 * first. Writes are not counted: a handler that needs the number of rows it changed writes at once through its own
 * {@code JdbcClient}.
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
        of(group).flush();
    }

    private SentAtCommit<Write> of(String group) {
        return groups.computeIfAbsent(group, name -> new SentAtCommit<>(name, "writes", this::send));
    }

    /** Sends {@code writes} in order: consecutive writes of the same statement as one JDBC batch. */
    private void send(List<Write> writes) {
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
            of(group).add(this);
        }
    }
}
