package dk.greatercph.ope.query.replay;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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
 * <p>
 * Each statement's named parameters are found once ({@link Statement}), and a write keeps its values by their place,
 * so sending a row binds them in order with the conversions Spring's {@link NamedParameterJdbcTemplate} applies. That
 * template looked every name up in a map for every row (docs/performance.md, "Writes bound by place"). A write with a
 * collection among its values, which the template expands into a list of placeholders, still goes through it.
 */
@Component
public class ProjectionWrites {

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<String, SentAtCommit<Write>> groups = new ConcurrentHashMap<>();
    /** One entry per statement text; the handlers' texts are constants, so this holds a few dozen. */
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();

    public ProjectionWrites(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /** A write of {@code group}'s handler: {@code sql} with named parameters. */
    public Write sql(String group, String sql) {
        Statement statement = statements.get(sql);
        return new Write(group, statement != null ? statement : statements.computeIfAbsent(sql, Statement::new));
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
            Statement statement = writes.get(from).statement;
            int to = from + 1;
            while (to < writes.size() && writes.get(to).statement == statement) {
                to++;
            }
            send(statement, writes.subList(from, to));
            from = to;
        }
    }

    private void send(Statement statement, List<Write> writes) {
        for (Write write : writes) {
            if (write.expands()) {
                byName(statement, writes);
                return;
            }
        }
        if (writes.size() == 1) {
            jdbc.getJdbcOperations().update(statement.jdbcSql, writes.get(0)::bind);
        } else {
            jdbc.getJdbcOperations().batchUpdate(statement.jdbcSql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    writes.get(i).bind(ps);
                }

                @Override
                public int getBatchSize() {
                    return writes.size();
                }
            });
        }
    }

    /** Through Spring's template, which expands a collection into as many placeholders as it has elements. */
    private void byName(Statement statement, List<Write> writes) {
        if (writes.size() == 1) {
            jdbc.update(statement.sql, writes.get(0).byName());
        } else {
            jdbc.batchUpdate(statement.sql, writes.stream().map(Write::byName).toArray(SqlParameterSource[]::new));
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
            Statement statement = byDelegation.values().iterator().next().getFirst().statement;
            for (Iterator<ArrayDeque<Write>> queues = byDelegation.values().iterator(); queues.hasNext(); ) {
                ArrayDeque<Write> queue = queues.next();
                while (!queue.isEmpty() && queue.getFirst().statement == statement) {
                    ordered.add(queue.removeFirst());
                }
                if (queue.isEmpty()) {
                    queues.remove();
                }
            }
        }
    }

    /**
     * A statement with named parameters, parsed once: its text for JDBC, with a placeholder for each use of a name,
     * its names in the order they first appear, and for each name the placeholders it fills.
     */
    private static final class Statement {
        private final String sql;
        private final String jdbcSql;
        private final String[] names;
        private final int[][] places;

        Statement(String sql) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
            MapSqlParameterSource none = new MapSqlParameterSource();
            List<String> uses = NamedParameterUtils.buildSqlParameterList(parsed, none).stream()
                    .map(SqlParameter::getName).toList();
            List<String> names = uses.stream().distinct().toList();
            this.sql = sql;
            this.jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, none);
            this.names = names.toArray(String[]::new);
            this.places = new int[this.names.length][];
            for (int n = 0; n < this.names.length; n++) {
                String name = this.names[n];
                places[n] = IntStream.range(0, uses.size()).filter(i -> uses.get(i).equals(name))
                        .map(i -> i + 1).toArray();
            }
        }

        /** The place of {@code name} among the names, or -1 if the statement does not use it. */
        private int indexOf(String name) {
            for (int n = 0; n < names.length; n++) {
                if (names[n] == name) {
                    return n;
                }
            }
            for (int n = 0; n < names.length; n++) {
                if (names[n].equals(name)) {
                    return n;
                }
            }
            return -1;
        }
    }

    /** A value not given yet. */
    private static final Object MISSING = new Object();

    /** One statement and its parameters. */
    public final class Write {
        private final String group;
        private final Statement statement;
        private final Object[] values;
        private String delegation;

        private Write(String group, Statement statement) {
            this.group = group;
            this.statement = statement;
            this.values = new Object[statement.names.length];
            Arrays.fill(values, MISSING);
        }

        /** Gives parameter {@code name} its value; a name the statement does not use is ignored. */
        public Write param(String name, Object value) {
            int n = statement.indexOf(name);
            if (n >= 0) {
                values[n] = value;
            }
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
            return (delegation == null ? "-" : delegation) + " " + statement.sql;
        }

        /** Writes with the rest of the batch, or at once outside a batch and in a handler's own savepoint. */
        public void update() {
            sentAtCommit(group).add(this);
        }

        private boolean expands() {
            for (Object value : values) {
                if (value instanceof Iterable<?>) {
                    return true;
                }
            }
            return false;
        }

        /** Binds the values to their placeholders as Spring's template does for a value of no declared type. */
        private void bind(PreparedStatement ps) throws SQLException {
            for (int n = 0; n < values.length; n++) {
                Object value = value(n);
                for (int place : statement.places[n]) {
                    StatementCreatorUtils.setParameterValue(ps, place, SqlTypeValue.TYPE_UNKNOWN, value);
                }
            }
        }

        private SqlParameterSource byName() {
            MapSqlParameterSource source = new MapSqlParameterSource();
            for (int n = 0; n < values.length; n++) {
                source.addValue(statement.names[n], value(n));
            }
            return source;
        }

        private Object value(int n) {
            if (values[n] == MISSING) {
                throw new InvalidDataAccessApiUsageException("No value supplied for the SQL parameter '"
                        + statement.names[n] + "': " + statement.sql);
            }
            return values[n];
        }
    }
}
