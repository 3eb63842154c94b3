package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.TestMailServer;
import dk.greatercph.ope.app.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications are side effects of news, never of history: replaying a projection sends nothing, and replaying
 * the notifier itself rebuilds what it knows without sending anything again.
 */
@OpeIntegrationTest
class NotificationReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void aReplayOfAProjectionOrOfTheNotifierSendsNothingThatWasSent() {
        Notifications notifications = new Notifications(new Api(port));
        Api admin = new Api(port).as("admin");
        try (WebhookReceiver receiver = WebhookReceiver.answering(n -> 204)) {
            String operator = notifications.operator();
            String address = Notifications.address("replay");
            notifications.recipient(operator, address, "en");
            notifications.webhook(operator, receiver.url());
            String before = notifications.routedTo(operator, "Yangzhou Before " + UUID.randomUUID());
            Notifications.mails(address, 1);
            Notifications.until(() -> receiver.about(before), l -> !l.isEmpty(), WAIT);
            assertThat(Notifications.until(() -> notifications.outbox(before), rows -> rows.size() == 2
                    && rows.valueStream().allMatch(r -> r.get("status").asString().equals("SENT")), WAIT).size())
                    .isEqualTo(2);

            replay(admin, "delegation-board");
            replay(admin, "schedule");
            replay(admin, "notifications");

            // news after the replays is sent; the notifier handles events in order, so by then it has seen them all
            String after = notifications.routedTo(operator, "Yangzhou After " + UUID.randomUUID());
            Notifications.until(() -> receiver.about(after), l -> !l.isEmpty(), WAIT);
            assertThat(Notifications.mails(address, 2)).hasSize(2);

            assertThat(notifications.outbox(before).size()).isEqualTo(2);
            assertThat(notifications.outbox(after).size()).isEqualTo(2);
            assertThat(receiver.about(before)).hasSize(1);
            assertThat(receiver.about(after)).hasSize(1);
            assertThat(TestMailServer.to(address)).hasSize(2);
        }
    }

    /**
     * Replaying the settings empties the recipients and webhooks the notifier reads: the notifier went on meanwhile,
     * found nobody to tell, and the notices of the replay's seconds were never sent. It now waits for the replay.
     */
    @Test
    void aNoticeRecordedWhileTheSettingsAreReplayedIsStillSent() {
        Notifications notifications = new Notifications(new Api(port));
        Api admin = new Api(port).as("admin");
        String operator = notifications.operator();
        String address = Notifications.address("settings-replay");
        notifications.recipient(operator, address, "en");
        admin.getUntil("/api/admin/projections/notification-settings",
                r -> r.status() == 200 && r.json().path("behindBy").asLong(-1) == 0, WAIT);

        Api.Response replay = admin.post("/api/admin/projections/notification-settings/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        String during = notifications.routedTo(operator, "Yangzhou During " + UUID.randomUUID());
        JsonNode finished = admin.getUntil("/api/admin/projections/notification-settings",
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), WAIT).json();
        assertThat(finished.get("lastReplay").hasNonNull("finishedAt")).as(finished.toString()).isTrue();

        assertThat(Notifications.until(() -> notifications.outbox(during), rows -> rows.valueStream()
                .anyMatch(r -> r.get("kind").asString().equals("ASSIGNMENT_OFFERED")
                        && address.equals(r.path("address").asString(null))), WAIT).valueStream()
                .filter(r -> address.equals(r.path("address").asString(null)))
                .map(r -> r.get("kind").asString())).containsExactly("ASSIGNMENT_OFFERED");
        assertThat(Notifications.mails(address, 1)).hasSize(1);
    }

    private static void replay(Api admin, String name) {
        admin.getUntil("/api/admin/projections/" + name,
                r -> r.status() == 200 && r.json().path("behindBy").asLong(-1) == 0, WAIT);
        Api.Response replay = admin.post("/api/admin/projections/" + name + "/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        JsonNode finished = admin.getUntil("/api/admin/projections/" + name,
                r -> r.json().path("lastReplay").hasNonNull("finishedAt"), WAIT).json();
        assertThat(finished.get("lastReplay").hasNonNull("finishedAt")).as(name + ": " + finished).isTrue();
    }
}
