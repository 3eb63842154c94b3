package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification pages over plain HTTP: refusals beside their fields, whose settings a user may open, the outbox's retry. */
@OpeIntegrationTest
class NotificationFormsTest {

    @LocalServerPort
    int port;

    /** A fresh operator of the test's own (a theme no other test routes by), so its settings are the test's alone. */
    static String freshOperator(int port) {
        Api desk = new Api(port).as("desk");
        String code = "nw-" + UUID.randomUUID().toString().substring(0, 8);
        Lifecycle.ok(desk.post("/api/operators", "{\"code\":\"" + code + "\",\"name\":\"Notified " + code
                + "\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}"));
        desk.getUntil("/api/notification-settings/" + code, r -> r.status() == 200, Duration.ofSeconds(10));
        return code;
    }

    @Test
    void aRefusedWebhookOrRecipientIsSaidBesideItsFieldAndNothingIsAdded() {
        String operator = freshOperator(port);
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/notifications?owner=" + operator).body()).contains("id=\"webhook-form\"");

        PageSession.Page forbidden = desk.post("/notifications/webhooks",
                Map.of("owner", operator, "url", "https://10.1.2.3/hook"));
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.body()).contains("role=\"alert\"", "aria-invalid=\"true\"",
                "aria-describedby=\"webhook-url-error\"", "id=\"webhook-url-error\"",
                "Adressen peger på et internt eller privat netværk", "value=\"https://10.1.2.3/hook\"")
                .as("the API's English stood beside the field").doesNotContain("Field 'url'");

        PageSession.Page badAddress = desk.post("/notifications/recipients",
                Map.of("owner", operator, "address", "not an address", "language", "en"));
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("aria-describedby=\"recipient-address-error\"",
                "id=\"recipient-address-error\"", "value=\"not an address\"")
                .as("the general words \"not the form the field needs\"").contains("Skriv en gyldig e-mailadresse");

        String address = "team-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
        PageSession.Page added = desk.post("/notifications/recipients",
                Map.of("owner", operator, "address", address, "language", "en"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.header("Location")).endsWith("/notifications?owner=" + operator);
        assertThat(desk.get("/notifications?owner=" + operator).body()).contains(address, "Modtageren er tilføjet.");

        PageSession.Page twice = desk.post("/notifications/recipients",
                Map.of("owner", operator, "address", address, "language", "da"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("id=\"recipient-address-error\"", "Den modtager er allerede tilføjet")
                .doesNotContain("already has this recipient");

        JsonNode settings = new Api(port).as("desk").get("/api/notification-settings/" + operator).json();
        assertThat(settings.get("recipients").size()).as("one recipient, no webhook").isEqualTo(1);
        assertThat(settings.get("webhooks").size()).isZero();
    }

    /**
     * The lists reload themselves (htmx, when the settings' view moves on) from the address the change redirects to;
     * a reload that comes before the browser follows the redirect leaves the page its message and the secret.
     */
    @Test
    void aListReloadBeforeTheRedirectIsFollowedLeavesThePageItsMessageAndSecret() {
        String operator = freshOperator(port);
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/notifications?owner=" + operator);
        PageSession.Page subscribed = desk.post("/notifications/webhooks",
                Map.of("owner", operator, "url", "http://127.0.0.1:9/" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(subscribed.status()).isEqualTo(302);

        PageSession.Page reload = desk.getFragment("/notifications?owner=" + operator);
        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.body()).doesNotContain("whsec_");

        PageSession.Page page = desk.get("/notifications?owner=" + operator);
        assertThat(page.body()).contains("Webhooken er oprettet.", "id=\"secret-value\"", "whsec_")
                .as("a new webhook has no previous secret").doesNotContain("id=\"secret-previous\"");
    }

    @Test
    void rotatingShowsTheNewSecretOnceThenUnsubscribingAndRemovingTakeThemOffTheList() {
        String operator = freshOperator(port);
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get("/notifications?owner=" + operator);
        String address = "rota-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
        assertThat(desk.post("/notifications/recipients", Map.of("owner", operator, "address", address, "language", "da"))
                .status()).isEqualTo(302);
        assertThat(desk.get("/notifications?owner=" + operator).body()).contains(address);
        assertThat(desk.post("/notifications/webhooks", Map.of("owner", operator, "url", "http://127.0.0.1:9/rota"))
                .status()).isEqualTo(302);
        String subscribed = desk.get("/notifications?owner=" + operator).body();
        String firstSecret = secretIn(subscribed);
        JsonNode settings = new Api(port).as("desk").get("/api/notification-settings/" + operator).json();
        String webhook = settings.get("webhooks").get(0).get("id").asString();
        String recipient = settings.get("recipients").get(0).get("id").asString();

        PageSession.Page rotated = desk.post("/notifications/webhooks/" + webhook + "/rotation", Map.of("owner", operator));
        assertThat(rotated.status()).isEqualTo(302);
        assertThat(rotated.header("Location")).doesNotContain("whsec_");
        String afterRotation = desk.get("/notifications?owner=" + operator).body();
        assertThat(afterRotation).contains("Webhooken har fået en ny hemmelighed.", "version 2",
                "id=\"secret-previous\"");
        assertThat(secretIn(afterRotation)).isNotEqualTo(firstSecret);
        assertThat(desk.get("/notifications?owner=" + operator).body()).as("shown once").doesNotContain("whsec_");

        assertThat(desk.post("/notifications/webhooks/" + webhook + "/removal", Map.of("owner", operator)).status())
                .isEqualTo(302);
        assertThat(desk.get("/notifications?owner=" + operator).body()).doesNotContain("webhook-" + webhook);
        assertThat(desk.post("/notifications/recipients/" + recipient + "/removal", Map.of("owner", operator)).status())
                .isEqualTo(302);
        assertThat(desk.get("/notifications?owner=" + operator).body()).doesNotContain(address);

        PageSession.Page gone = desk.post("/notifications/webhooks/" + webhook + "/rotation", Map.of("owner", operator));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).contains("role=\"alert\"", "Den webhook findes ikke i indstillingerne");
    }

    private static String secretIn(String page) {
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("whsec_[A-Za-z0-9+/=_-]+").matcher(page);
        assertThat(secret.find()).as("a secret on the page").isTrue();
        return secret.group();
    }

    @Test
    void anOperatorSeesItsOwnSettingsButAnotherOperatorsIsNotFound() {
        PageSession clean = PageSession.signedIn(port, "clean");
        PageSession.Page own = clean.get("/notifications");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("id=\"recipient-form\"", "name=\"owner\" value=\"clean\"")
                .doesNotContain("id=\"owner-pick\"");

        assertThat(clean.get("/notifications?owner=chc").status()).isEqualTo(404);
        assertThat(clean.get("/notifications?owner=desk").status()).isEqualTo(404);
        assertThat(clean.post("/notifications/recipients",
                Map.of("owner", "chc", "address", "x-" + UUID.randomUUID() + "@ops.example", "language", "da"))
                .status()).isEqualTo(404);

        PageSession auditor = PageSession.signedIn(port, "auditor");
        PageSession.Page read = auditor.get("/notifications?owner=chc");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).as("an auditor reads but is offered no change").doesNotContain("recipient-form");
    }

    @Test
    void aFailedWebhookDeliveryIsRetriedFromTheOutbox() throws Exception {
        String operator = freshOperator(port);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Api desk = new Api(port).as("desk");
        Api.Response hook = desk.post("/api/notification-settings/" + operator + "/webhooks",
                "{\"url\":\"http://127.0.0.1:" + closed + "/down\"}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        String webhook = hook.json().get("id").asString();
        desk.getUntil("/api/notification-settings/" + operator, r -> r.body().contains(webhook), Duration.ofSeconds(10));
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.registeredAndScreened(Requests.delegation("Outbox page " + UUID.randomUUID()));
        Lifecycle.ok(desk.post("/api/delegations/" + delegation + "/routing", "{\"overrideLead\":\"" + operator
                + "\",\"overrideSupporting\":[],\"reason\":\"Outbox page test\"}"));

        Api admin = new Api(port).as("admin");
        JsonNode failed = admin.getUntil("/api/admin/notifications?status=FAILED&delegation=" + delegation,
                r -> r.status() == 200 && r.json().get("total").asLong() > 0, Duration.ofSeconds(30)).json();
        String message = failed.get("items").get(0).get("id").asString();
        int attempts = failed.get("items").get(0).get("attempts").asInt();

        PageSession page = PageSession.signedIn(port, "admin");
        assertThat(page.get("/admin/notifications?status=FAILED").body()).contains("message-" + message);
        PageSession.Page retried = page.post("/admin/notifications/" + message + "/retry", Map.of("status", "FAILED"));
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.header("Location")).endsWith("/admin/notifications?status=FAILED");
        // the rows' own reload (sse:notifications) may reach the server before the redirect is followed
        PageSession.Page reload = page.getFragment("/admin/notifications?status=FAILED&offset=");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(reload.body()).contains("outbox-rows").doesNotContain("Underretningen er sat i kø igen.");
        assertThat(page.get("/admin/notifications?status=FAILED").body()).contains("Underretningen er sat i kø igen.");
        assertThat(admin.getUntil("/api/admin/notifications/" + message,
                r -> r.json().get("notification").get("attempts").asInt() > attempts, Duration.ofSeconds(30))
                .json().get("notification").get("attempts").asInt())
                .as("tried again after the retry").isGreaterThan(attempts);

        PageSession.Page unknown = page.post("/admin/notifications/msg_nope/retry", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("role=\"alert\"", "Meddelelsen findes ikke.");
    }
}
