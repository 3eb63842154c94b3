package dk.greatercph.ope.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failure no handler names is the client's only when nothing of the database is in it. */
class DisconnectedClientTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    /**
     * A PostgreSQL backend killed during a command ends in an EOFException, which Spring's disconnected-client check
     * took for the HTTP client going away: the answer was 200 with no body and the command was not recorded.
     */
    @Test
    void aDatabaseConnectionThatDiedMidCommandIs503NotAVanishedClient() {
        Exception died = new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));

        ResponseEntity<Object> answer = advice.unhandled(died);

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aClientThatWentAwayWhileItsAnswerWasWrittenIsAnsweredNothing() {
        assertThat(advice.unhandled(new IOException("Broken pipe"))).isNull();
    }
}
