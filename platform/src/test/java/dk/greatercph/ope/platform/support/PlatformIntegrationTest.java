package dk.greatercph.ope.platform.support;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration the platform's own tests share: the platform's auto-configurations alone, with a few
 * test endpoints ({@link PlatformTestApplication}), over HTTP on a random port, on an embedded PostgreSQL of its
 * own in a fresh folder on a free port. Every test class with exactly this annotation shares one cached context
 * and one database, and isolates itself by fresh ids. The request body limit is 1 KB here, and a session that
 * holds others up while its client says nothing is ended after 3 s. The event store keeps 12,345 events for the
 * processors to share, a number no heap gives by default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ope.embedded-postgres.data-dir=target/platform-postgres/${random.uuid}",
                "ope.embedded-postgres.port=0",
                "ope.http.max-body-size=1KB",
                "ope.security.allow-demo-users=true",
                "ope.database.stalled-session-timeout=3s",
                "ope.database.stalled-session-check-interval=500ms",
                "ope.event-store.cached-events=12345"
        })
public @interface PlatformIntegrationTest {
}
