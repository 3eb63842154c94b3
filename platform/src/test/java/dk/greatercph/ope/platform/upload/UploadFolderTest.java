package dk.greatercph.ope.platform.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's uploads live in its own folder; the folders of processes that ended are deleted at a start. */
class UploadFolderTest {

    @TempDir
    Path parent;

    @Test
    void aStartDeletesTheFoldersOfEndedProcessesAndLeavesTheOthers() throws Exception {
        ProcessHandle self = ProcessHandle.current();
        long selfStart = self.info().startInstant().orElseThrow().toEpochMilli();
        long here = UploadFolder.NAMESPACE;
        long ended = endedProcess();
        Path ofAnEndedProcess = folderWithAFile(UploadFolder.PREFIX + ended + "-" + selfStart + "-" + here + "-1");
        Path ofAnIdUsedAgain = folderWithAFile(UploadFolder.PREFIX + self.pid() + "-" + (selfStart - 60_000) + "-"
                + here + "-2");
        Path ofThisProcess = folderWithAFile(UploadFolder.PREFIX + self.pid() + "-" + selfStart + "-" + here + "-3");
        Path ofAnotherNamespace = folderWithAFile(UploadFolder.PREFIX + ended + "-" + selfStart + "-" + (here + 1)
                + "-4");
        Path ofUnknownOrigin = folderWithAFile(UploadFolder.PREFIX + "kept");
        Path notAnUploadFolder = folderWithAFile("other-" + ended + "-1-1-1");

        UploadFolder folder = UploadFolder.in(parent);

        assertThat(ofAnEndedProcess).as("its process is gone").doesNotExist();
        assertThat(ofAnIdUsedAgain).as("its process id now names a process started later").doesNotExist();
        assertThat(ofThisProcess).as("a running application's, e.g. another context in this JVM").exists();
        assertThat(ofAnotherNamespace).as("another container's: its process id names nothing here").exists();
        assertThat(ofUnknownOrigin).exists();
        assertThat(notAnUploadFolder).exists();
        assertThat(folder.path().getParent()).isEqualTo(parent);
        assertThat(folder.path().getFileName().toString())
                .startsWith(UploadFolder.PREFIX + self.pid() + "-" + selfStart + "-" + here + "-");
        assertThat(UploadFolder.ownerRuns(folder.path().getFileName().toString())).isTrue();
    }

    @Test
    void theFolderAndWhatIsLeftInItGoAsTheApplicationCloses() throws IOException {
        UploadFolder folder = UploadFolder.in(parent);
        Path file = folder.newFile("ope-import-", ".csv");
        Files.writeString(file, "x\n");
        assertThat(file.getParent()).isEqualTo(folder.path());

        folder.delete();

        assertThat(folder.path()).doesNotExist();
        folder.delete(); // twice does no harm
    }

    /** A cleaner of the temporary folder deleted it while the application ran: every import failed until a restart. */
    @Test
    void aFolderDeletedWhileTheApplicationRunsIsMadeAgain() throws IOException {
        UploadFolder folder = UploadFolder.in(parent);
        Files.delete(folder.path());

        Path file = folder.newFile("ope-import-", ".csv");

        assertThat(file).exists();
        assertThat(file.getParent()).isEqualTo(folder.path());
        Files.delete(file);
        Files.delete(folder.path());
        assertThat(folder.forWriting()).isDirectory();
        folder.delete();
    }

    private Path folderWithAFile(String name) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        Files.writeString(folder.resolve("ope-import-1.csv"), "x\n");
        return folder;
    }

    /** The id of a process that has just ended. */
    private static long endedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        return process.pid();
    }
}
