package dk.greatercph.ope.platform.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second start on a data folder that a running application uses is refused, and leaves that application's
 * PostgreSQL running: it took the running postmaster for an orphan and stopped it, then failed on the folder's lock.
 */
class EmbeddedPostgresServerInUseTest {

    @Test
    void aSecondStartOnAFolderInUseIsRefusedAndTheRunningDatabaseKeepsRunning(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(folder, 0)) {
            long postmaster = running.postmasterPid().orElseThrow();

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder, 0))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasStackTraceContaining("in use by another running application");

            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).hasValue(true);
            try (Connection connection = DriverManager.getConnection(running.jdbcUrl());
                 ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            }
        }
    }
}
