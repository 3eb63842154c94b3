package dk.greatercph.ope.query.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Replays, once the application is ready, each projection an upgrade's migration marked as due
 * ({@code projection_rebuild_due}): an upgrade that changes what a view holds for the same events rebuilds that view
 * by itself, instead of leaving old rows until an administrator remembers the replay. The row is removed once the
 * replay has started; a replay that cannot start (the projection is processed by another instance, or already being
 * replayed) keeps it for the next start, and says so in the log.
 */
@Component
public class ProjectionRebuildsDue {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuildsDue.class);

    private final JdbcClient jdbc;
    private final ProjectionReplays replays;

    ProjectionRebuildsDue(JdbcClient jdbc, ProjectionReplays replays) {
        this.jdbc = jdbc;
        this.replays = replays;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        replayDue();
    }

    /** Starts the replay of every projection due; answers the names started. */
    public List<String> replayDue() {
        List<Due> due = jdbc.sql("SELECT projection, reason FROM projection_rebuild_due ORDER BY projection")
                .query(Due.class).list();
        return due.stream().filter(this::replay).map(Due::projection).toList();
    }

    private boolean replay(Due due) {
        try {
            replays.replay(due.projection());
        } catch (RuntimeException e) {
            log.warn("Could not start the replay of projection {} that an upgrade made due ({}); it is tried again at "
                    + "the next start, or replay it now with POST /api/admin/projections/{}/replay",
                    due.projection(), due.reason(), due.projection(), e);
            return false;
        }
        // the mark goes only once the replay has started (its reset tokens survive a restart)
        jdbc.sql("DELETE FROM projection_rebuild_due WHERE projection = :name").param("name", due.projection())
                .update();
        log.info("Replaying projection {} after an upgrade: {}", due.projection(), due.reason());
        return true;
    }

    private record Due(String projection, String reason) {
    }
}
