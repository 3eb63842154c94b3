package dk.greatercph.ope.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;

/**
 * The defaults every process starts from, at the lowest precedence so that any configuration overrides
 * them: Axon Server off (the PostgreSQL event store is the default), no update checks, Jackson 3 for every
 * serialized message and token, strict JSON input, and database timeouts short enough that an unreachable
 * database is noticed in seconds (readiness then follows the availability probe, not a query that may hang),
 * console logs as JSON lines unless {@code ope.logging.format=plain}, and the Prometheus endpoint beside the other
 * actuator endpoints for administrators.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** Axon's own switch, read from system properties before any Spring configuration. */
    private static final String UPDATE_CHECK_OFF = "axoniq.update-checker.disabled";

    /** {@code json} (the default: one ECS JSON object per line on the console) or {@code plain} (Boot's text lines). */
    static final String LOG_FORMAT = "ope.logging.format";
    static final String JSON_LOGS = "json";
    static final String PLAIN_LOGS = "plain";

    /** Boot's structured console logging, in Elastic Common Schema; MDC entries (the correlation id) become fields. */
    static final Map<String, Object> JSON_CONSOLE = Map.of("logging.structured.format.console", "ecs");

    /**
     * Empty rather than absent: Boot keeps the format it read last in a system property, which only a value replaces
     * (a second application in the same JVM, as in tests, would otherwise keep the first one's JSON).
     */
    static final Map<String, Object> PLAIN_CONSOLE = Map.of("logging.structured.format.console", "");

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("axon.axonserver.enabled", "false"),
            Map.entry("axoniq.update-checker.disabled", "true"),
            Map.entry("axon.update-check.disabled", "true"),
            Map.entry("axon.serializer.general", "jackson3"),
            Map.entry("axon.serializer.events", "jackson3"),
            Map.entry("axon.serializer.messages", "jackson3"),
            Map.entry("spring.flyway.locations", "classpath:db/platform"),
            Map.entry("db-scheduler.delay-startup-until-context-ready", "true"),
            Map.entry("db-scheduler.table-name", "scheduled_tasks"),
            Map.entry("db-scheduler.polling-interval", "2s"),
            // a deadline being executed when PostgreSQL died stays picked until its heartbeat is old enough to count
            // as dead: with db-scheduler's 5 min heartbeat that was 30 min (seen: escalations 36 min late after a
            // restart); now a minute (10 s, six missed)
            Map.entry("db-scheduler.heartbeat-interval", "10s"),
            Map.entry("db-scheduler.missed-heartbeats-limit", "6"),
            Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
            Map.entry("spring.jackson.deserialization.fail-on-null-for-primitives", "true"),
            Map.entry("spring.mvc.throw-exception-if-no-handler-found", "true"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("server.error.include-message", "never"),
            // a redirect names a path only; made absolute from the request's Host header it sent users wherever
            // that header named
            Map.entry("server.tomcat.use-relative-redirects", "true"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,metrics,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "when-authorized"),
            Map.entry("management.endpoint.health.roles", "ADMIN"),
            Map.entry("management.endpoint.health.status.order", "DOWN,OUT_OF_SERVICE,UP,DEGRADED,UNKNOWN"),
            // Spring Security wraps each of its filters, the authentication and the authorisation in an
            // observation: about 8 % of a registration's CPU in a profile, for traces nobody collects. The HTTP
            // timings (http.server.requests) are a separate observation and stay.
            Map.entry("management.observations.enable.spring.security", "false"),
            // Axon's handler and unit-of-work timeouts (30 s, then the thread is interrupted) take the calling
            // thread's stack (Thread.getStackTrace) and schedule a timer at every handler call: 8 % of the
            // projections' CPU in a profile. What could hang is the database, and a call to it is bounded already:
            // the driver's socketTimeout below, and idle_in_transaction_session_timeout on the server's side.
            Map.entry("axon.timeout.enabled", "false"),
            Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"),
            // a CSV import uploaded as a form's file is bounded like one posted as text/csv
            Map.entry("spring.servlet.multipart.max-file-size", "${ope.http.max-import-size:64MB}"),
            Map.entry("spring.servlet.multipart.max-request-size", "${ope.http.max-import-size:64MB}"),
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "1000"),
            Map.entry("spring.datasource.hikari.data-source-properties.connectTimeout", "2"),
            Map.entry("spring.datasource.hikari.data-source-properties.loginTimeout", "2"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "10"),
            Map.entry("spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true"),
            // a JDBC batch of one INSERT is sent as INSERTs of up to 128 rows each, which PostgreSQL executes once
            // each instead of once a row (the projections' writes, put together by statement, and the chain's links)
            Map.entry("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true"),
            // the driver's exceptions leave out the server's DETAIL, which quotes refused rows (personal data)
            Map.entry("spring.datasource.hikari.data-source-properties.logServerErrorDetail", "false"),
            // a process frozen inside a transaction must not hold its token rows (and so its projections) for good
            Map.entry("spring.datasource.hikari.data-source-properties.options",
                    "-c idle_in_transaction_session_timeout=15s"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketFactory",
                    "dk.greatercph.ope.platform.database.AbortableSocketFactory"),
            Map.entry("management.health.db.enabled", "false"),
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,database"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "4s"),
            // Axon logs every exception a command handler throws at WARN with its stack trace, rule refusals
            // included: any user could fill the log with them. Refusals reach the client as problems; other
            // failures are logged once, as an incident, by the problem advice.
            Map.entry("logging.level.org.axonframework.modelling.command.AbstractRepository", "ERROR"),
            // a method a path does not take, or a path nothing serves, is the client's mistake, answered 405 or 404
            // as a problem; Spring also logs it at WARN, for anyone, anonymous callers included
            Map.entry("logging.level.org.springframework.web.servlet.PageNotFound", "ERROR"),
            // the API's operations and the pages are about 130 path templates, past the default of 100 distinct uri
            // tags, after which new templates got no request timings (and a WARN said so)
            Map.entry("management.metrics.web.server.max-uri-tags", "500"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
        boolean plain = PLAIN_LOGS.equalsIgnoreCase(environment.getProperty(LOG_FORMAT, JSON_LOGS).strip());
        DefaultPropertiesPropertySource.addOrMerge(plain ? PLAIN_CONSOLE : JSON_CONSOLE, environment.getPropertySources());
        if (System.getProperty(UPDATE_CHECK_OFF) == null) {
            System.setProperty(UPDATE_CHECK_OFF, "true");
        }
    }
}
