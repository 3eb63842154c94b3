package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's pages over plain HTTP: the export download, the actor filter kept out of the address, checkpoint refusals. */
@OpeIntegrationTest
class AuditFormsTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    private String delegation() {
        DelegationId id = DelegationId.newId();
        LocalDate day = randomFutureDay();
        log.append("Delegation", id.value(), registered(id, "Audit forms " + UUID.randomUUID(), day, day, Theme.TALENT));
        return id.value();
    }

    @Test
    void theExportIsAnAttachmentOfTheApisNdjsonForTheChosenPeriod() {
        String id = delegation();
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Copenhagen")).truncatedTo(ChronoUnit.SECONDS);
        PageSession auditor = PageSession.signedIn(port, "auditor");

        PageSession.Page export = auditor.get("/audit/export?from=" + now.minusMinutes(5) + "&to=" + now.plusMinutes(5));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("ope-events.ndjson");
        assertThat(export.body().lines()).anyMatch(line -> line.contains("\"aggregateId\":\"" + id + "\""))
                .allMatch(line -> line.startsWith("{\"position\":"));

        PageSession.Page backwards = auditor.get("/audit/export?from=" + now + "&to=" + now.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("role=\"alert\"", "aria-invalid=\"true\"", "id=\"export-to-error\"");
    }

    @Test
    void theEventLogFiltersByActorWithoutPuttingTheActorInTheAddress() {
        String id = delegation();
        PageSession auditor = PageSession.signedIn(port, "auditor");
        auditor.get("/audit");

        PageSession.Page found = auditor.post("/audit", Map.of("actor", EventLog.ACTOR, "aggregateId", id));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("/audit/Delegation/" + id, "DelegationRegisteredEvent")
                .doesNotContain("actor=" + EventLog.ACTOR)
                // one page holds them all: no "next page" that leads to an empty list
                .doesNotContain("class=\"next\"");
        for (int i = 0; i < 51; i++) {
            delegation();
        }
        assertThat(auditor.get("/audit").body()).as("more than a page").contains("class=\"next\"");
        PageSession.Page nobody = auditor.post("/audit", Map.of("actor", "nobody-" + UUID.randomUUID(), "aggregateId", id));
        assertThat(nobody.body()).doesNotContain("/audit/Delegation/" + id);

        PageSession.Page bad = auditor.get("/audit?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("role=\"alert\"", "id=\"audit-from-error\"");

        // the event type by the name the pages give it, which the filter offers; it needed the class name
        PageSession.Page byName = auditor.post("/audit", Map.of("type", "henvendelsen registreret", "aggregateId", id));
        assertThat(byName.body()).contains("/audit/Delegation/" + id, "DelegationRegisteredEvent")
                .contains("<option value=\"Operatør registreret\" label=\"OperatorRegisteredEvent\">Operatør registreret</option>");
        assertThat(auditor.post("/audit", Map.of("type", "Rejsen planlagt", "aggregateId", id)).body())
                .doesNotContain("/audit/Delegation/" + id);
        // a name no event has is said so beside the field, in the page's words: it showed an empty log
        PageSession.Page mistyped = auditor.post("/audit", Map.of("type", "henvendelse registret", "aggregateId", id));
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.body()).contains("id=\"audit-type-error\"", "Der findes ingen hændelsestype med det navn")
                .doesNotContain("/audit/Delegation/" + id);
    }

    /** A moment the "state as of" form cannot read is refused, marked beside its field; a slider moment is seconds. */
    /** The person page said every read is recorded; only the API showed the record. */
    @Test
    void theAuditorReadsWhoReadWhosePersonalDataOnAPage() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String delegation = lifecycle.accepted("Reads page " + UUID.randomUUID());
        String person = Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + delegation + "/members",
                "{\"name\":\"Gao Yan\"}")).json().get("personId").asString();
        lifecycle.desk().getUntil("/api/persons/" + person, r -> r.status() == 200, java.time.Duration.ofSeconds(10));
        PageSession auditor = PageSession.signedIn(port, "auditor");
        assertThat(auditor.get("/audit/personal-data-reads").status()).isEqualTo(200);

        PageSession.Page page = auditor.post("/audit/personal-data-reads", Map.of("person", person, "actor", "desk"));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"reads\"", "href=\"/persons/" + person + "\"", "GET /api/persons/" + person)
                .doesNotContain("Gao Yan");
        assertThat(auditor.get("/audit").body()).contains("href=\"/audit/personal-data-reads\"");
        assertThat(auditor.get("/persons/" + person).body()).contains("id=\"person-reads\"");
        assertThat(auditor.post("/audit/personal-data-reads", Map.of("after", "not-a-cursor")).status()).isEqualTo(400);
        assertThat(PageSession.signedIn(port, "clean").get("/audit/personal-data-reads").status()).isEqualTo(403);
    }

    @Test
    void aMomentThatIsNoneIsRefusedNamingItsField() {
        String id = delegation();
        PageSession auditor = PageSession.signedIn(port, "auditor");

        PageSession.Page typed = auditor.get("/audit/Delegation/" + id + "?at=garbage");
        PageSession.Page slid = auditor.get("/audit/Delegation/" + id + "?moment=abc");
        PageSession.Page fine = auditor.get("/audit/Delegation/" + id + "?moment=1");

        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.body()).contains("id=\"asof-at-error\"", "aria-invalid=\"true\"");
        assertThat(slid.status()).isEqualTo(400);
        assertThat(slid.body()).contains("«moment»");
        assertThat(fine.status()).isEqualTo(200);
        // each event in the page's words beside its type, as the log says it: the timeline showed the class alone
        assertThat(fine.body()).containsPattern("<strong>Henvendelsen registreret</strong> <code class=\"muted\">"
                + "DelegationRegisteredEvent</code>");
    }

    @Test
    void aCheckpointThatWasTamperedWithOrIsNoJsonIsSaidToFailInWords() {
        PageSession auditor = PageSession.signedIn(port, "auditor");
        String fetched = auditor.get("/audit/integrity?checkpoint=1").body();
        String json = org.springframework.web.util.HtmlUtils.htmlUnescape(
                fetched.substring(fetched.indexOf('>', fetched.indexOf("id=\"kept\"")) + 1, fetched.indexOf("</textarea>")));
        assertThat(json).contains("\"chainHead\"");

        PageSession.Page genuine = auditor.post("/audit/integrity/checkpoint", Map.of("kept", json));
        assertThat(genuine.status()).as("a kept checkpoint as fetched, pretty-printed on many lines").isEqualTo(200);
        assertThat(genuine.body()).contains("Signaturen er gyldig for systemets nøgle.");

        String tampered = json.replaceFirst("\"position\"\\s*:\\s*(\\d+)", "\"position\" : 0");
        assertThat(tampered).isNotEqualTo(json);
        PageSession.Page forged = auditor.post("/audit/integrity/checkpoint", Map.of("kept", tampered));
        assertThat(forged.body()).contains("Kontrolpunktet holder ikke.", "Signaturen er ikke gyldig");

        PageSession.Page noJson = auditor.post("/audit/integrity/checkpoint", Map.of("kept", "not a checkpoint"));
        assertThat(noJson.status()).isEqualTo(400);
        assertThat(noJson.body()).contains("role=\"alert\"", "aria-invalid=\"true\"", "id=\"kept-error\"");
        // a JSON object of another shape: "see the message beside the field" was the message beside the field
        PageSession.Page other = auditor.post("/audit/integrity/checkpoint", Map.of("kept", "{\"bogus\":1}"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("Det indsatte er ikke et kontrolpunkt i den form, systemet udsteder det.",
                "bogus");
    }

    /** A trip's state showed its leader as ciphertext and its dates under the code's own names ("End date"). */
    @Test
    void aTripsStateShowsItsLeaderOpenedAndItsFieldsInThePagesWords() {
        int year = java.util.concurrent.ThreadLocalRandom.current().nextInt(2030, 2100);
        String trip = Lifecycle.ok(new Api(port).as("desk").post("/api/trips",
                dk.greatercph.ope.app.support.TripPlan.of(year).ledBy("Lars Chair").extraordinary("State page").json()))
                .json().get("id").asString();

        String page = PageSession.signedIn(port, "auditor").get("/audit/Trip/" + trip).body();

        assertThat(page).contains("Lars Chair", "Startdato", "Slutdato", "Ekstraordinær")
                .doesNotContain("sealed", "End date", "Start date");
    }
}
