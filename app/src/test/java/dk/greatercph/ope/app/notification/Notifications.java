package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.support.TestMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the notification tests do over HTTP and read from the mail server, written once. */
final class Notifications {

    private final Api api;
    private final Lifecycle lifecycle;

    Notifications(Api api) {
        this.api = api;
        this.lifecycle = new Lifecycle(api);
    }

    Api desk() {
        return api.as("desk");
    }

    Lifecycle lifecycle() {
        return lifecycle;
    }

    /** A fresh operator of the tests' own (themes no test delegation asks for), so its settings are the test's own. */
    String operator() {
        String code = "n-" + UUID.randomUUID().toString().substring(0, 8);
        Lifecycle.ok(desk().post("/api/operators", "{\"code\":\"" + code + "\",\"name\":\"Notified " + code
                + "\",\"themes\":[\"AUTHORITY_SOIL_WATER\"]}"));
        desk().getUntil("/api/notification-settings/" + code, r -> r.status() == 200, Duration.ofSeconds(10));
        return code;
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@ops.example";
    }

    /** Adds a recipient and waits until the settings show it, so that what follows is sent to it. */
    String recipient(String owner, String address, String language) {
        Api.Response added = desk().post("/api/notification-settings/" + owner + "/recipients",
                "{\"address\":\"" + address + "\",\"language\":\"" + language + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        awaitSettings(owner, id);
        return id;
    }

    /** Subscribes a webhook and waits until the settings show it; returns the id and the secret. */
    String[] webhook(String owner, String url) {
        Api.Response added = desk().post("/api/notification-settings/" + owner + "/webhooks", "{\"url\":\"" + url + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        awaitSettings(owner, id);
        return new String[]{id, added.json().get("secret").asString()};
    }

    void awaitSettings(String owner, String part) {
        Api.Response settings = desk().getUntil("/api/notification-settings/" + owner,
                r -> r.status() == 200 && r.body().contains(part), Duration.ofSeconds(10));
        assertThat(settings.body()).contains(part);
    }

    /** A delegation registered, screened and routed to {@code operator} as its lead, by the desk's override. */
    String routedTo(String operator, String organisation) {
        String id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
        Lifecycle.ok(desk().post("/api/delegations/" + id + "/routing", "{\"overrideLead\":\"" + operator
                + "\",\"overrideSupporting\":[],\"reason\":\"Notification test\"}"));
        return id;
    }

    /** The messages to {@code address}, once there are at least {@code count}. */
    static List<MimeMessage> mails(String address, int count) {
        return until(() -> TestMailServer.to(address), list -> list.size() >= count, Duration.ofSeconds(30));
    }

    static <T> T until(Supplier<T> read, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Api.sleep(50);
            last = read.get();
        }
        return last;
    }

    /** The outbox rows about a delegation, as administrators see them. */
    JsonNode outbox(String delegation) {
        Api.Response page = api.as("admin").get("/api/admin/notifications?delegation=" + delegation + "&limit=500");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items");
    }

    static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return "";
    }

    /** Every part of a message whose content type starts with {@code type}, depth first. */
    static List<Part> parts(Part part, String type) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContentType().toLowerCase().startsWith(type)) {
            found.add(part);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(parts(child, type));
            }
        }
        return found;
    }

    static List<Calendar> invitations(MimeMessage message) throws Exception {
        List<Calendar> calendars = new ArrayList<>();
        for (Part part : parts(message, "text/calendar")) {
            calendars.add(new CalendarBuilder().build(new StringReader(text(part))));
        }
        return calendars;
    }

    /** True if one of the header's {@code v1,} signatures is the HMAC of {@code id.timestamp.body} with the secret. */
    static boolean verifies(String signatureHeader, String secret, String id, String timestamp, String body)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String signature : signatureHeader.split(" ")) {
            if (signature.equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
