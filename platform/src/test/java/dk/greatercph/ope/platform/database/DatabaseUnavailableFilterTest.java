package dk.greatercph.ope.platform.database;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While the database is away every request is answered at once with 503 DATABASE_UNAVAILABLE and Retry-After,
 * and a connection failure that escapes the handler becomes the same answer; health stays reachable, and a
 * failure that is not the database's passes on unchanged. "Away" is a real PostgreSQL data source on a port
 * nothing listens on; "there" is the test application's own availability of its embedded PostgreSQL.
 */
@PlatformIntegrationTest
class DatabaseUnavailableFilterTest {

    private static final DatabaseProperties PROPERTIES = new DatabaseProperties(null, Duration.ofSeconds(1),
            Duration.ofSeconds(7), null, null);

    @Autowired
    DatabaseAvailability applicationsAvailability;

    @Autowired
    JsonMapper json;

    @Test
    void whileTheDatabaseIsAwayEveryRequestIsRefusedAtOnceButHealth() throws Exception {
        DatabaseAvailability away = new DatabaseAvailability(unreachable(), PROPERTIES);
        away.probe();
        away.stop();
        DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(away, new ProblemWriter(json));
        AtomicBoolean refusedReachedHandler = new AtomicBoolean();
        AtomicBoolean healthReachedHandler = new AtomicBoolean();

        MockHttpServletResponse refused = filter(filter, "/api/delegations",
                (request, response) -> refusedReachedHandler.set(true));
        MockHttpServletResponse health = filter(filter, "/actuator/health/liveness",
                (request, response) -> healthReachedHandler.set(true));

        assertThat(away.available()).isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(json.readTree(refused.getContentAsString()).get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refusedReachedHandler).isFalse();
        assertThat(healthReachedHandler).isTrue();
        assertThat(health.getStatus()).isEqualTo(200);
    }

    @Test
    void aConnectionFailureThatEscapesTheHandlerIsAnsweredAsTheDatabaseBeingAway() throws Exception {
        DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(there(), new ProblemWriter(json));

        MockHttpServletResponse response = filter(filter, "/api/delegations", (request, r) -> {
            throw new CannotGetJdbcConnectionException("pool gave up", new SQLException("refused", "08001"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(json.readTree(response.getContentAsString()).get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
    }

    @Test
    void aFailureThatIsNotTheDatabasesPassesOnAndARequestWhileItIsThereIsServed() throws Exception {
        DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(there(), new ProblemWriter(json));

        assertThatThrownBy(() -> filter(filter, "/api/delegations", (request, response) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(filter(filter, "/api/delegations", (request, response) -> response.setStatus(204)).getStatus())
                .isEqualTo(204);
    }

    private DatabaseAvailability there() {
        assertThat(applicationsAvailability.available()).isTrue();
        return applicationsAvailability;
    }

    private static MockHttpServletResponse filter(DatabaseUnavailableFilter filter, String path, Handler handler)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
        }, (req, res, chain) -> handler.handle(req, (HttpServletResponse) res)));
        return response;
    }

    /** What the rest of the chain does with a request that the filter lets through. */
    @FunctionalInterface
    private interface Handler {
        void handle(ServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private static DataSource unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource nobody = new PGSimpleDataSource();
        nobody.setServerNames(new String[]{"127.0.0.1"});
        nobody.setPortNumbers(new int[]{port});
        nobody.setDatabaseName("postgres");
        nobody.setUser("postgres");
        nobody.setConnectTimeout(1);
        return nobody;
    }
}
