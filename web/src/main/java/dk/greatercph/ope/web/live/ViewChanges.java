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

    private final JdbcTemplate jdbc;
    private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();
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

    /** A new open page; it hears of every view change until it goes away. */
    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
        emitter.onCompletion(() -> pages.remove(emitter));
        emitter.onTimeout(() -> pages.remove(emitter));
        emitter.onError(e -> pages.remove(emitter));
        pages.add(emitter);
        try {
            emitter.send(SseEmitter.event().name("open").data("open"));
        } catch (IOException e) {
            pages.remove(emitter);
        }
        return emitter;
    }

    void poll() {
        if (pages.isEmpty()) {
            return;
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
                pages.remove(page);
            }
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        pages.forEach(SseEmitter::complete);
    }
}
