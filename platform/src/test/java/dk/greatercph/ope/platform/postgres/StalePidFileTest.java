package dk.greatercph.ope.platform.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stale {@code postmaster.pid} (a power loss) may name a process id given since to another PostgreSQL: taken for
 * this folder's orphan, that PostgreSQL was stopped. Only a postmaster started on this folder is stopped.
 */
class StalePidFileTest {

    @Test
    void aPidFileNamingAnotherFoldersPostgresLeavesItRunningAndTheStartGoesOn(@TempDir Path other,
                                                                             @TempDir Path mine) throws Exception {
        try (EmbeddedPostgresServer neighbour = EmbeddedPostgresServer.start(other, 0)) {
            long theirs = neighbour.postmasterPid().orElseThrow();
            ProcessHandle process = ProcessHandle.of(theirs).orElseThrow();
            assertThat(EmbeddedPostgresServer.servesFolder(process, other)).isTrue();
            assertThat(EmbeddedPostgresServer.servesFolder(process, mine)).isFalse();
            try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(mine, 0)) {
                assertThat(first.postmasterPid()).isPresent();
            }
            Files.writeString(mine.resolve("postmaster.pid"), theirs + "\n" + mine + "\n");

            try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(mine, 0)) {
                assertThat(ProcessHandle.of(theirs).map(ProcessHandle::isAlive)).as("the neighbour's PostgreSQL")
                        .hasValue(true);
                try (Connection connection = DriverManager.getConnection(again.jdbcUrl());
                     ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
                    assertThat(one.next()).isTrue();
                }
            }
            try (Connection connection = DriverManager.getConnection(neighbour.jdbcUrl());
                 ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            }
        }
    }
}
