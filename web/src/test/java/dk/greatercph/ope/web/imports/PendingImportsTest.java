package dk.greatercph.ope.web.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run's file lives as long as the session that may apply it, and no longer. */
class PendingImportsTest {

    @TempDir
    Path folder;

    @Test
    void theSessionsEndDeletesTheFilesItHolds() throws IOException {
        MockHttpSession session = new MockHttpSession();
        Path file = Files.writeString(folder.resolve("held.csv"), "x\n");
        PendingImports.of(session).keep("run-1", file);

        session.invalidate();

        assertThat(file).doesNotExist();
    }

    @Test
    void aFileGivenBackAfterTheSessionEndedIsDeletedNotKept() throws IOException {
        MockHttpSession session = new MockHttpSession();
        Path file = Files.writeString(folder.resolve("applying.csv"), "x\n");
        PendingImports pending = PendingImports.of(session);
        pending.keep("run-1", file);
        Path taken = pending.take("run-1");
        assertThat(taken).isEqualTo(file);

        session.invalidate(); // the session ends while the apply runs
        pending.keep("run-1", taken); // the apply was refused and gives the file back

        assertThat(file).doesNotExist();
        assertThat(pending.holds("run-1")).isFalse();
    }
}
