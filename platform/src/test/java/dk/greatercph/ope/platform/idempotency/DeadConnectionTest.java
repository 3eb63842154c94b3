package dk.greatercph.ope.platform.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeping an answer is tried again only where another pooled connection can succeed: the one it was given had lost
 * its server process. A refused statement would be refused again, and a pool with no connection to give would make
 * the answer wait as long once more.
 */
class DeadConnectionTest {

    @Test
    void aConnectionWhoseBackendIsGoneIsTriedAgain() {
        assertThat(IdempotencyFilter.deadConnection(new DataAccessResourceFailureException("keep",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(IdempotencyFilter.deadConnection(new UncategorizedSQLException("keep", "UPDATE …",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aRefusedStatementOrAnEmptyPoolIsNot() {
        assertThat(IdempotencyFilter.deadConnection(new DataIntegrityViolationException("keep",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(IdempotencyFilter.deadConnection(new CannotGetJdbcConnectionException("no connection",
                new SQLException("Connection is not available, request timed out after 5000ms.", "08001"))))
                .isFalse();
        assertThat(IdempotencyFilter.deadConnection(new DataAccessResourceFailureException("keep"))).isFalse();
        assertThat(IdempotencyFilter.deadConnection(new UncategorizedSQLException("keep", "UPDATE …",
                new SQLException("protocol violation", "08P01")))).as("a protocol violation, not a dead backend")
                .isFalse();
    }
}
