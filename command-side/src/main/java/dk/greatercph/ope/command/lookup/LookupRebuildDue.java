package dk.greatercph.ope.command.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Rebuilds the command side's lookups once the application is ready, when an upgrade's migration marked one as due
 * ({@code lookup_rebuild_due}, e.g. R8's organisation key read differently): the rule then holds for requests recorded
 * before the upgrade without an administrator's step. A rebuild that fails (a history that contradicts a table's
 * keys) changes nothing, keeps the mark for the next start and says so in the log.
 */
@Component
public class LookupRebuildDue {

    private static final Logger log = LoggerFactory.getLogger(LookupRebuildDue.class);

    private final JdbcClient jdbc;
    private final LookupRebuild rebuild;

    LookupRebuildDue(JdbcClient jdbc, LookupRebuild rebuild) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        rebuildDue();
    }

    /** Rebuilds the lookups if any is due; answers whether they were rebuilt. */
    public boolean rebuildDue() {
        List<String> due = jdbc.sql("SELECT lookup || ': ' || reason FROM lookup_rebuild_due ORDER BY lookup")
                .query(String.class).list();
        if (due.isEmpty()) {
            return false;
        }
        try {
            rebuild.rebuild();
            jdbc.sql("DELETE FROM lookup_rebuild_due").update();
            log.info("Rebuilt the command side's lookups after an upgrade ({})", String.join("; ", due));
            return true;
        } catch (RuntimeException e) {
            log.error("Could not rebuild the command side's lookups that an upgrade made due ({}); tried again at the "
                    + "next start, or with POST /api/admin/lookups/rebuild", String.join("; ", due), e);
            return false;
        }
    }
}
