package dk.greatercph.ope.platform.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a running application keeps uploaded files in while it works on them: an import's copy of its file, a
 * dry-run file a person may still apply, the parts of a multipart upload. Each application has a folder of its own,
 * named by its process, the instant that process started and the process namespace it runs in
 * ({@code ope-uploads-<pid>-<start>-<namespace>-<random>}), and deletes it as it closes.
 * <p>
 * A process that is killed ({@code kill -9}, the machine's power) cannot delete anything. So each application, as
 * it starts, deletes the folders of processes that no longer run: no process has that id, or the one that has it
 * started at another instant (an id used again, as in a container whose application is always process 1). The
 * folders of applications still running, on this machine or in this JVM, are left alone, and so are those of
 * processes in another process namespace (another container sharing the temporary folder), whose ids say nothing
 * here. The namespace is Linux's ({@code /proc/self/ns/pid}); elsewhere it is 0, and every folder is judged.
 */
public final class UploadFolder {

    static final String PREFIX = "ope-uploads-";

    private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);

    /** This process's pid namespace (the inode {@code /proc/self/ns/pid} names), 0 where there is none to read. */
    static final long NAMESPACE = pidNamespace();

    private final Path folder;

    private UploadFolder(Path folder) {
        this.folder = folder;
    }

    /** Deletes the folders of applications that no longer run in {@code parent}, then makes this one's there. */
    public static UploadFolder in(Path parent) {
        try {
            Files.createDirectories(parent);
            List<Path> abandoned = abandoned(parent);
            for (Path folder : abandoned) {
                deleteTree(folder);
            }
            if (!abandoned.isEmpty()) {
                log.info("Deleted {} upload folder(s) of applications that ended without closing: {}",
                        abandoned.size(), abandoned);
            }
            ProcessHandle self = ProcessHandle.current();
            return new UploadFolder(Files.createTempDirectory(parent, PREFIX + self.pid() + "-"
                    + startOf(self).map(Instant::toEpochMilli).map(String::valueOf).orElse("0") + "-"
                    + NAMESPACE + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the upload folder in " + parent, e);
        }
    }

    /** The folder in {@code java.io.tmpdir}. */
    public static UploadFolder inTemporaryFolder() {
        return in(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A new empty file in this application's folder; the caller deletes it when done. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(existing(), prefix, suffix);
    }

    public Path path() {
        return folder;
    }

    /** The folder to write in, made again if it has gone. */
    public Path forWriting() throws IOException {
        return existing();
    }

    /**
     * The folder, made again if something deleted it while the application runs (a cleaner of the temporary folder:
     * systemd-tmpfiles, tmpreaper). Before, every import and spreadsheet failed with 500 until a restart.
     */
    private Path existing() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            log.warn("The upload folder {} had gone; it was made again", folder);
        }
        return folder;
    }

    /** Deletes the folder and what is left in it: called as the application closes, after its imports stopped. */
    public void delete() {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            log.warn("Could not delete the upload folder {}: {}", folder, e.toString());
        }
    }

    /** The folders in {@code parent} whose application's process no longer runs. */
    static List<Path> abandoned(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory)
                    .filter(entry -> entry.getFileName().toString().startsWith(PREFIX))
                    .filter(entry -> !ownerRuns(entry.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Whether the process named in a folder's name runs: a name this class did not write is taken as running, so
     * nothing of unknown origin is deleted.
     */
    static boolean ownerRuns(String name) {
        String[] parts = name.substring(PREFIX.length()).split("-", 4);
        if (parts.length < 4) {
            return true;
        }
        long pid;
        long started;
        long namespace;
        try {
            pid = Long.parseLong(parts[0]);
            started = Long.parseLong(parts[1]);
            namespace = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return true;
        }
        if (namespace != NAMESPACE) {
            return true; // another container's process: its id names nothing here
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> start = startOf(process.get());
        return start.isEmpty() || started == 0 || start.get().toEpochMilli() == started;
    }

    private static long pidNamespace() {
        try {
            // "pid:[4026531836]"
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
            return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }

    private static void deleteTree(Path root) throws IOException {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // deleted meanwhile
        }
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
