package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's forms over plain HTTP: refusals beside their field, nothing recorded on a refusal, who sees whose inbox. */
@OpeIntegrationTest
class InboxFormsTest {

    @LocalServerPort
    int port;

    Lifecycle lifecycle;

    @BeforeEach
    void setUp() {
        lifecycle = new Lifecycle(new Api(port));
    }

    private String offeredToChc(String organisation) {
        String id = lifecycle.registeredAndScreened(Requests.delegation(organisation));
        Lifecycle.ok(lifecycle.desk().post("/api/delegations/" + id + "/routing", "{}"));
        lifecycle.as("chc").getUntil("/api/operators/chc/inbox", r -> r.body().contains(id), Duration.ofSeconds(20));
        return id;
    }

    /**
     * An offer tells what the operator decides on: the themes, the size, and whether the request repeats an earlier
     * one (R8). A card showed the organisation, the dates and the role, so a repeat looked exactly like the first.
     */
    @Test
    void anOfferShowsItsThemesItsSizeAndWhetherItRepeatsAnEarlierRequest() {
        String organisation = "Inbox repeat " + UUID.randomUUID();
        offeredToChc(organisation);
        String repeat = offeredToChc(organisation);

        tools.jackson.databind.JsonNode entry = lifecycle.as("chc").get("/api/operators/chc/inbox").json()
                .get("entries").valueStream().filter(e -> e.get("delegationId").asString().equals(repeat))
                .findFirst().orElseThrow();
        assertThat(entry.get("repeatRequest").asBoolean()).isTrue();
        assertThat(entry.get("headCount").asInt()).isPositive();
        assertThat(entry.get("themes").valueStream().map(t -> t.asString())).contains("HEALTH_WELFARE_TECH");
        String card = PageSession.signedIn(port, "chc").get("/inbox?lang=da").body();
        card = card.substring(card.indexOf("id=\"offer-" + repeat + "\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertThat(card).contains("Gentager en tidligere henvendelse", "Temaer", "Sundheds- og velfærdsteknologi",
                "Deltagere");
    }

    @Test
    void aDeclineWithoutAReasonIsRefusedBesideTheFieldAndRecordsNothing() {
        String organisation = "Inbox decline " + UUID.randomUUID();
        String id = offeredToChc(organisation);
        PageSession chc = PageSession.signedIn(port, "chc");
        assertThat(chc.get("/inbox").body()).contains(organisation);

        PageSession.Page refused = chc.post("/inbox/" + id + "/decline", Map.of("reason", "  "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "aria-invalid=\"true\"",
                "aria-describedby=\"reason-" + id + "-error\"", "id=\"reason-" + id + "-error\"",
                "Skriv hvorfor I afslår");
        assertThat(lifecycle.eventTypes(id)).doesNotContain("AssignmentDeclinedEvent");

        PageSession.Page declined = chc.post("/inbox/" + id + "/decline", Map.of("reason", "No capacity that week.\nAsk again in May."));
        assertThat(declined.status()).isEqualTo(302);
        assertThat(declined.header("Location")).endsWith("/inbox?answered=" + id);
        assertThat(lifecycle.eventTypes(id)).contains("AssignmentDeclinedEvent");
        assertThat(chc.get("/inbox").body()).as("the lists' own reload does not take the notice")
                .doesNotContain("Opgaven er afslået.");
        assertThat(chc.get("/inbox?answered=" + id).body()).contains("Opgaven er afslået.", "Ask again in May.")
                .doesNotContain("offer-" + id);
    }

    @Test
    void anAnswerAlreadyGivenIsRefusedInWordsWithTheApisStatus() {
        String id = offeredToChc("Inbox twice " + UUID.randomUUID());
        PageSession chc = PageSession.signedIn(port, "chc");
        chc.get("/inbox");
        assertThat(chc.post("/inbox/" + id + "/acceptance", Map.of()).status()).isEqualTo(302);

        PageSession.Page again = chc.post("/inbox/" + id + "/acceptance", Map.of());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("role=\"alert\"", "Tilbuddet er allerede besvaret");
    }

    @Test
    void anOperatorSeesOnlyItsOwnInboxWhileTheDeskMayOpenAny() {
        String organisation = "Inbox desk " + UUID.randomUUID();
        String id = offeredToChc(organisation);

        assertThat(PageSession.signedIn(port, "clean").get("/inbox?operator=chc").status()).isEqualTo(404);
        PageSession clean = PageSession.signedIn(port, "clean");
        clean.get("/inbox");
        assertThat(clean.post("/inbox/" + id + "/acceptance", Map.of("operator", "chc")).status()).isEqualTo(404);

        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/inbox").body()).contains("name=\"operator\"", "value=\"chc\"");
        PageSession.Page chcInbox = desk.get("/inbox?operator=chc");
        assertThat(chcInbox.status()).isEqualTo(200);
        assertThat(chcInbox.body()).contains(organisation, "offer-" + id);
        assertThat(desk.post("/inbox/" + id + "/acceptance", Map.of("operator", "chc")).header("Location"))
                .endsWith("/inbox?operator=chc&answered=" + id);
        assertThat(lifecycle.eventTypes(id)).contains("AssignmentAcceptedEvent");

        PageSession auditor = PageSession.signedIn(port, "auditor");
        PageSession.Page read = auditor.get("/inbox?operator=chc");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).as("an auditor reads, never answers").doesNotContain("/acceptance");
    }
}
