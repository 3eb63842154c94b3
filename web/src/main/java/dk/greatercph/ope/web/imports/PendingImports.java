package dk.greatercph.ope.web.imports;

import dk.greatercph.ope.platform.upload.UploadFolder;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files a person has dry-run and may still apply, kept in temporary files for the length of their session (so the
 * real run imports exactly the bytes the dry run judged, without a second upload). Deleted when applied or when the
 * session ends.
 */
final class PendingImports implements HttpSessionBindingListener, Serializable {

    static final String ATTRIBUTE = PendingImports.class.getName();

    private final Map<String, String> files = new ConcurrentHashMap<>();
    /** Dry run → the import its file was applied as, so that the button pressed again leads there. */
    private final Map<String, String> applied = new ConcurrentHashMap<>();
    /** Dry runs whose file a request has taken to apply and not yet given back or applied. */
    private final Map<String, Boolean> applying = new ConcurrentHashMap<>();
    /** The session ended: a file given back now (an apply that ran past the session's end) has no one to keep it. */
    private boolean ended;

    /** The session's pending imports, created on first use. */
    static PendingImports of(HttpSession session) {
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            PendingImports pending = (PendingImports) session.getAttribute(ATTRIBUTE);
            if (pending == null) {
                pending = new PendingImports();
                session.setAttribute(ATTRIBUTE, pending);
            }
            return pending;
        }
    }

    /**
     * The uploaded file in a temporary file of its own, copied a buffer at a time: a file near the upload limit is not
     * held in memory. The caller keeps it ({@link #keep}) or {@link #delete}s it.
     */
    static Path receive(MultipartFile upload, UploadFolder folder) throws IOException {
        Path file = folder.newFile("ope-import-", ".csv");
        try {
            upload.transferTo(file);
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * Keeps {@code file} (from {@link #receive}) as the file of dry run {@code runId}; deletes it instead when the
     * session has ended meanwhile.
     */
    synchronized void keep(String runId, Path file) {
        if (ended) {
            delete(file);
            return;
        }
        String earlier = files.put(runId, file.toString());
        if (earlier != null && !earlier.equals(file.toString())) {
            delete(earlier);
        }
    }

    boolean holds(String runId) {
        return files.containsKey(runId);
    }

    /**
     * The file of dry run {@code runId}, no longer held by the session: the caller {@link #keep}s it again or deletes
     * it. Null when this session holds none (or another request took it).
     */
    Path take(String runId) {
        String file = files.remove(runId);
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return null;
        }
        applying.put(runId, Boolean.TRUE);
        return path;
    }

    /** The file of {@code runId} was applied as the import {@code importId}. */
    void applied(String runId, String importId) {
        applied.put(runId, importId);
        applying.remove(runId);
    }

    /** The file of {@code runId} was not applied, and is kept again or deleted. */
    void notApplied(String runId) {
        applying.remove(runId);
    }

    /**
     * The import the file of {@code runId} was applied as, waiting (at most {@code wait}) while another request of
     * this session is applying it; null when it was not applied.
     */
    String appliedAs(String runId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (applying.containsKey(runId) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return applied.get(runId);
    }

    @Override
    public synchronized void valueUnbound(HttpSessionBindingEvent event) {
        ended = true;
        files.values().forEach(PendingImports::delete);
        files.clear();
    }

    private static void delete(String file) {
        delete(Path.of(file));
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a file left behind is deleted with the application's upload folder
        }
    }
}
