package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.command.lookup.LookupRebuildDue;
import dk.greatercph.ope.query.replay.ProjectionRebuildsDue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade that changes what a view or a lookup holds for the same events marks it due in its migration, and the
 * next start rebuilds it: the schedule's replay and R8's keys needed an administrator's step before.
 */
@OpeIntegrationTest
class RebuildsAfterAnUpgradeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionRebuildsDue projections;

    @Autowired
    LookupRebuildDue lookups;

    @Test
    void aProjectionTheMigrationMarkedIsReplayedOnceAndAnUnknownOneIsKept() throws IOException {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Upgraded schedule " + UUID.randomUUID());
        lifecycle.item(lifecycle.desk(), delegation, "MEETING", lifecycle.venue(), null, "2031-03-04T10:00:00+01:00",
                "2031-03-04T11:00:00+01:00");
        new Api(port).as("desk").getUntil("/api/schedule?from=2031-03-04&to=2031-03-05",
                r -> r.body().contains(delegation), Duration.ofSeconds(20));
        jdbc.sql("DELETE FROM projection_rebuild_due").update();
        jdbc.sql(statement("/db/query/V290__projection_rebuilds_due_after_an_upgrade.sql",
                "INSERT INTO projection_rebuild_due")).update();
        jdbc.sql("INSERT INTO projection_rebuild_due (projection, reason) VALUES ('no-such-view', 'a test')").update();

        assertThat(projections.replayDue()).containsExactly("schedule");

        assertThat(jdbc.sql("SELECT projection FROM projection_rebuild_due").query(String.class).list())
                .containsExactly("no-such-view");
        Api admin = new Api(port).as("admin");
        Api.Response replayed = admin.getUntil("/api/admin/projections/schedule",
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), Duration.ofSeconds(60));
        assertThat(replayed.json().path("lastReplay").hasNonNull("finishedAt")).as(replayed.body()).isTrue();
        assertThat(new Api(port).as("desk").getUntil("/api/schedule?from=2031-03-04&to=2031-03-05",
                r -> r.body().contains(delegation), Duration.ofSeconds(20)).body()).contains(delegation);
        assertThat(projections.replayDue()).isEmpty();
        jdbc.sql("DELETE FROM projection_rebuild_due").update();
    }

    @Test
    void theRequestHistoryTheMigrationMarkedGetsTheKeysR8ReadsNow() throws IOException {
        String delegation = new Lifecycle(new Api(port)).registeredAndScreened(Requests.delegation(
                "Jiangsu\u00a0Upgrade " + UUID.randomUUID(), "ADMINISTRATIVE", "\"INVESTMENT\"", "Upgrade"));
        String key = key(delegation);
        jdbc.sql("UPDATE delegation_request_history SET organisation_key = 'written before the upgrade' "
                + "WHERE delegation_id = :id").param("id", delegation).update();
        jdbc.sql("DELETE FROM lookup_rebuild_due").update();
        jdbc.sql(statement("/db/command/V96__lookup_rebuild_due_after_an_upgrade.sql", "INSERT INTO lookup_rebuild_due"))
                .update();

        assertThat(lookups.rebuildDue()).isTrue();

        assertThat(key(delegation)).isEqualTo(key);
        assertThat(jdbc.sql("SELECT count(*) FROM lookup_rebuild_due").query(Long.class).single()).isZero();
        assertThat(lookups.rebuildDue()).isFalse();
    }

    private String key(String delegation) {
        return jdbc.sql("SELECT organisation_key FROM delegation_request_history WHERE delegation_id = :id")
                .param("id", delegation).query(String.class).single();
    }

    private String statement(String migration, String from) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(migration)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf(from));
        }
    }
}
