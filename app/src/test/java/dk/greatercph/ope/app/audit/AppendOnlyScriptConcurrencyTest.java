package dk.greatercph.ope.app.audit;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes starting on one database (split mode) run the event log's append-only script at the same
 * time, each in its own transaction as Flyway runs it. Concurrent REVOKEs on one table fail in PostgreSQL with
 * "tuple concurrently updated"; the script takes turns, so every start succeeds.
 */
@OpeIntegrationTest
class AppendOnlyScriptConcurrencyTest {

    @Autowired
    DataSource dataSource;

    @Test
    void processesMigratingTogetherRunTheAppendOnlyScriptInTurn() throws Exception {
        String script = new ClassPathResource("db/platform/afterMigrate__event_log_append_only.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        int processes = 6;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int p = 0; p < processes; p++) {
                    runs.add(pool.submit(() -> {
                        try (Connection connection = dataSource.getConnection();
                             Statement sql = connection.createStatement()) {
                            connection.setAutoCommit(false);
                            start.await();
                            sql.execute(script);
                            connection.commit();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    assertThat(run).succeedsWithin(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
