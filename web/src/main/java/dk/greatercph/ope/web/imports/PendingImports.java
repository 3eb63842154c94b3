package dk.greatercph.ope.web.imports;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Keeps {@code bytes} as the file of dry run {@code runId}. */
    void keep(String runId, byte[] bytes) {
        try {
            Path file = Files.createTempFile("ope-import-", ".csv");
            Files.write(file, bytes);
            String earlier = files.put(runId, file.toString());
            if (earlier != null) {
                delete(earlier);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean holds(String runId) {
        return files.containsKey(runId);
    }

    /** The bytes of dry run {@code runId}, or null when this session holds none. */
    byte[] read(String runId) {
        String file = files.get(runId);
        if (file == null) {
            return null;
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            return null;
        }
    }

    void forget(String runId) {
        String file = files.remove(runId);
        if (file != null) {
            delete(file);
        }
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        files.values().forEach(PendingImports::delete);
        files.clear();
    }

    private static void delete(String file) {
        try {
            Files.deleteIfExists(Path.of(file));
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the temporary folder
        }
    }
}
