package dk.greatercph.ope.web.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells open pages when a view they show has moved on: once a second it reads the position of every processing
 * group (its tracking token in {@code tokenentry}), and for each group whose position changed it sends the
 * server-sent event named after the group (e.g. {@code delegation-board}) to every open page. A page then fetches
 * the part that shows that view again (htmx {@code hx-trigger="sse:delegation-board"}), so what it shows is what
 * the view holds after the event, never a guess. One query a second serves any number of pages, and it works the
 * same when the projections run in another process.
 */
@Component
public class ViewChanges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ViewChanges.class);
    static final Duration PERIOD = Duration.ofSeconds(1);
    static final long EMITTER_TIMEOUT_MILLIS = Duration.ofMinutes(30).toMillis();

    /** Open pages one user may have at once: a person's tabs, with room; more are refused (429). */
    static final int PAGES_PER_USER = 20;
    /** How often a comment goes to every open page, so that one whose reader has gone is found and let go. */
    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final JdbcTemplate jdbc;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
    private final Map<SseEmitter, String> users = new java.util.concurrent.ConcurrentHashMap<>();
    private long lastHeartbeat = System.nanoTime();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "page-view-changes");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, Integer> positions = Map.of();

    ViewChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        poller.scheduleWithFixedDelay(this::poll, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A new open page of {@code user}; it hears of every view change until it goes away. Empty when the user has
     * {@link #PAGES_PER_USER} open already: one signed-in user opened 1,500 in 11 s, each held for 30 minutes, and
     * with enough of them the server's connections run out for everyone.
     */
    public synchronized java.util.Optional<SseEmitter> open(String user) {
        if (users.values().stream().filter(user::equals).count() >= PAGES_PER_USER) {
            return java.util.Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        emitter.onCompletion(() -> gone(emitter));
        emitter.onTimeout(() -> gone(emitter));
        emitter.onError(e -> gone(emitter));
        pages.add(emitter);
        users.put(emitter, user);
        try {
            emitter.send(SseEmitter.event().name("open").data("open"));
        } catch (IOException e) {
            gone(emitter);
        }
        return java.util.Optional.of(emitter);
    }

    private void gone(SseEmitter emitter) {
        pages.remove(emitter);
        users.remove(emitter);
    }

    void poll() {
        if (pages.isEmpty()) {
            return;
        }
        if (System.nanoTime() - lastHeartbeat >= HEARTBEAT.toNanos()) {
            lastHeartbeat = System.nanoTime();
            for (SseEmitter page : pages) {
                try {
                    page.send(SseEmitter.event().comment("")); // a page whose reader has gone fails here
                } catch (IOException | IllegalStateException e) {
                    gone(page);
                }
            }
        }
        try {
            Map<String, Integer> now = new HashMap<>();
            jdbc.query("SELECT processorname, segment, token FROM tokenentry", row -> {
                byte[] token = row.getBytes("token");
                now.merge(row.getString("processorname"), 31 * row.getInt("segment") + Arrays.hashCode(token),
                        (a, b) -> 31 * a + b);
            });
            Map<String, Integer> before = positions;
            positions = now;
            if (before.isEmpty()) {
                return;
            }
            now.forEach((group, position) -> {
                if (!position.equals(before.get(group))) {
                    send(group);
                }
            });
        } catch (RuntimeException e) {
            log.debug("Could not read the projections' positions: {}", e.getMessage());
        }
    }

    private void send(String group) {
        for (SseEmitter page : pages) {
            try {
                page.send(SseEmitter.event().name(group).data(group));
            } catch (IOException | IllegalStateException e) {
                gone(page);
            }
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        pages.forEach(SseEmitter::complete);
    }
}
