package dk.greatercph.ope.platform.postgres;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Arrays;

/**
 * Begins the embedded PostgreSQL's start (initdb on a fresh folder, then the postmaster) as soon as the environment
 * is known, before the bean definitions are read: reading them takes the main thread about 1.6 s of a cold start,
 * which the start then runs beside. Only an application's {@code main} adds it
 * ({@code SpringApplication.addInitializers}), so that test slices start nothing they do not ask for. Where the
 * embedded default does not apply (a datasource is configured, or its auto-configuration is excluded) it does
 * nothing. The server is handed over as {@link EmbeddedPostgresAutoConfiguration}'s own early start would hand it
 * over, and stopped with the context if nobody took it.
 */
public final class EmbeddedPostgresMainStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "embeddedPostgresMainStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!EmbeddedPostgresAutoConfiguration.NoDatasourceConfigured.applies(environment) || excluded(environment)) {
            return;
        }
        EmbeddedPostgresEarlyStart start = new EmbeddedPostgresEarlyStart();
        start.setEnvironment(environment);
        start.begin();
        context.getBeanFactory().registerSingleton(BEAN_NAME, start);
        // a singleton registered by hand is not destroyed with the context unless it is registered for that too
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, start);
        // a start that fails before the refresh begins destroys no beans: stop it when the application fails
        context.addApplicationListener(new StopOnFailure(start));
    }

    private record StopOnFailure(EmbeddedPostgresEarlyStart start)
            implements ApplicationListener<ApplicationFailedEvent> {
        @Override
        public void onApplicationEvent(ApplicationFailedEvent event) {
            try {
                start.destroy();
            } catch (Exception e) {
                event.getException().addSuppressed(e);
            }
        }
    }

    private static boolean excluded(ConfigurableEnvironment environment) {
        String[] excluded = environment.getProperty("spring.autoconfigure.exclude", String[].class, new String[0]);
        return Arrays.stream(excluded).map(String::trim)
                .anyMatch(EmbeddedPostgresAutoConfiguration.class.getName()::equals);
    }
}
