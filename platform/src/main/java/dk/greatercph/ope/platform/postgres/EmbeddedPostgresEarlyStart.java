package dk.greatercph.ope.platform.postgres;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded PostgreSQL (initdb on a fresh folder, then the postmaster) on its own thread as soon as the
 * bean definitions are known, so that it runs beside the creation of the web server and the other beans instead
 * of before them. {@link EmbeddedPostgresAutoConfiguration} takes the started server and closes it; a server
 * nobody took (the context failed first) is closed with the context. The application's {@code main} begins it
 * earlier still, before the bean definitions are read ({@link EmbeddedPostgresMainStart}).
 */
final class EmbeddedPostgresEarlyStart implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
    private Environment environment;
    private boolean started;
    private boolean taken;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        begin();
    }

    /** Begins the start on its own thread, once; the environment must be set. */
    synchronized void begin() {
        if (started) {
            return;
        }
        // bound before the start is marked, so that refused properties fail the context without a start to wait for
        EmbeddedPostgresProperties properties = Binder.get(environment)
                .bind("ope.embedded-postgres", EmbeddedPostgresProperties.class)
                .orElseGet(() -> new EmbeddedPostgresProperties(null, null, null));
        started = true;
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresServer.start(properties.dataDir(), properties.port(),
                        properties.settings()));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Waits for the server started early and hands it over; its new owner closes it. */
    synchronized EmbeddedPostgresServer take() {
        if (!started) {
            throw new IllegalStateException("the embedded PostgreSQL was not started");
        }
        try {
            EmbeddedPostgresServer running = server.join();
            taken = true;
            return running;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public synchronized void destroy() throws Exception {
        if (started && !taken) {
            taken = true;
            EmbeddedPostgresServer running = server.exceptionally(e -> null).join();
            if (running != null) {
                running.close();
            }
        }
    }
}
