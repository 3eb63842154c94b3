package dk.greatercph.ope.app.support;

import dk.greatercph.ope.app.OnePointEntryApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one configuration that integration tests share: the whole application over HTTP on a random port,
 * on its own embedded PostgreSQL in a fresh folder. Every test class with exactly this annotation shares one
 * cached context and one database, and isolates itself by fresh ids. The demo users of the embedded default
 * are active (explicitly, since a JWT key is configured); JWTs are checked against a test key pair
 * ({@link Jwts}). The application trusts {@code X-Forwarded-*} from the loopback address, as behind a
 * TLS-terminating proxy, so a test can act from another client address or over https.
 * <p>
 * The routing table is shared too: operators that tests register take only the themes AUTHORITY_SOIL_WATER and
 * AUTHORITY_HEALTH, which no test delegation asks for, so that routing stays as the five seeded operators make
 * it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OnePointEntryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ope.embedded-postgres.data-dir=target/it-postgres/${random.uuid}",
                "ope.embedded-postgres.port=0",
                "ope.event-store.gap-timeout=2s",
                "ope.projections.restart-after-error=1s",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
                "spring.security.oauth2.resourceserver.jwt.audiences=one-point-entry",
                "ope.http.max-body-size=64KB",
                "ope.security.allow-demo-users=true",
                "server.forward-headers-strategy=native"
        })
@Import({FailingEndpoint.class, EventLog.class})
public @interface OpeIntegrationTest {
}
