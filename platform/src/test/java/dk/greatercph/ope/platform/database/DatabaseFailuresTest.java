package dk.greatercph.ope.platform.database;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean that the database is away, wherever they were wrapped. */
class DatabaseFailuresTest {

    /** Hikari's stand-in for a connection it evicted as broken: no SQL state, answered 500 before. */
    @Test
    void thePoolsClosedConnectionIsTheDatabaseAway() {
        JdbcException wrapped = new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
    }

    @Test
    void otherFailuresWithoutASqlStateAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new JdbcException("x", new SQLException("syntax error")))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Connection is closed", "42000"))).isFalse();
    }

    /** A session the server ended as idle in its transaction: the append was aborted, nothing was recorded. */
    @Test
    void aSessionTheServerEndedIsTheDatabaseAway() {
        SQLException idleInTransaction = new SQLException(
                "FATAL: terminating connection due to idle-in-transaction timeout", "25P03");
        SQLException idleSession = new SQLException("FATAL: terminating connection due to idle-session timeout",
                "57P05");

        assertThat(DatabaseFailures.isUnavailable(new JdbcException("append", idleInTransaction))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(idleSession)).isTrue();
    }
}
