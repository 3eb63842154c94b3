package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data subject's page (R9): the desk finds a member from the delegation, reads what is held about the person and
 * erases it with its legal basis and a confirmation; nothing is erased without both; an auditor reads but cannot
 * erase, an administrator erases without reading, an operator has no page.
 */
@BrowserTest
class PersonPageTest {

    @LocalServerPort
    int port;

    /** A delegation with one member; answers the delegation's and the person's ids. */
    record Member(String delegationId, String personId, String name) {
    }

    Member member() {
        Api desk = new Api(port).as("desk");
        String name = "Wang " + UUID.randomUUID().toString().substring(0, 8);
        String id = desk.post("/api/delegations", Requests.delegation("Person page " + UUID.randomUUID()))
                .json().get("id").asString();
        JsonNode added = desk.post("/api/delegations/" + id + "/members",
                "{\"name\":\"" + name + "\",\"title\":\"Director\",\"email\":\"wang@example.cn\"}").json();
        String person = added.get("personId").asString();
        desk.getUntil("/api/persons/" + person, r -> r.status() == 200, Duration.ofSeconds(10));
        desk.getUntil("/api/delegations/" + id + "/members", r -> r.body().contains(name), Duration.ofSeconds(10));
        return new Member(id, person, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskFindsTheMemberReadsWhatIsHeldAndErasesIt(String lang) {
        Member member = member();
        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/delegations/" + member.delegationId(), "delegation-members");
            browser.find(By.linkText(member.name())).click();
            browser.waitForText(da ? "Hvor personen optræder" : "Where the person appears");
            browser.check("person");
            assertThat(browser.find(By.id("appearances")).getText()).contains(member.name(), "Director",
                    "wang@example.cn", da ? "Medlem af en delegation" : "Member of a delegation");

            browser.find(By.id("erasure-legalBasis")).sendKeys("GDPR art. 17(1)(a), case 27/1234");
            browser.find(By.id("erasure-submit")).click();
            browser.waitForText(da ? "Bekræft, at sletningen" : "Confirm that the erasure");
            browser.check("person-erasure-unconfirmed");
            assertThat(new Api(port).as("desk").get("/api/persons/" + member.personId()).json().get("erased")
                    .asBoolean()).isFalse();

            browser.find(By.id("erasure-confirm")).click();
            browser.find(By.id("erasure-submit")).click();
            browser.waitForText(da ? "Personens oplysninger er nu slettet" : "The person's data is now erased");
            browser.check("person-erased");
            assertThat(browser.find(By.id("appearances")).getText()).doesNotContain(member.name(), "wang@example.cn");
            assertThat(browser.all(By.id("erasure-form"))).isEmpty();
        }
        assertThat(new Api(port).as("desk").get("/api/persons/" + member.personId()).json().get("erased")
                .asBoolean()).isTrue();
    }

    @Test
    void anErasureNeedsItsLegalBasisAndEachRoleGetsWhatTheApiAllows() {
        Member member = member();
        String page = "/persons/" + member.personId();
        PageSession desk = PageSession.signedIn(port, "desk");
        desk.get(page);

        PageSession.Page withoutBasis = desk.post(page + "/erasure", Map.of("legalBasis", " ", "confirm", "true"));
        // both left out: both said at once (the basis came a round later, after the box was ticked)
        PageSession.Page withoutEither = desk.post(page + "/erasure", Map.of("legalBasis", ""));
        PageSession.Page auditor = PageSession.signedIn(port, "auditor").get(page);
        PageSession.Page operator = PageSession.signedIn(port, "clean").get(page);
        PageSession admin = PageSession.signedIn(port, "admin");
        PageSession.Page adminPage = admin.get(page);

        assertThat(withoutBasis.status()).isEqualTo(400);
        assertThat(withoutBasis.body()).contains("id=\"erasure-legalBasis-error\"", member.name(),
                "Se beskeden ved hvert markeret felt.");
        assertThat(withoutEither.status()).isEqualTo(400);
        // the summary counts what it marks: the singular said "the field" above two marked fields
        assertThat(withoutEither.body()).contains("id=\"erasure-legalBasis-error\"", "id=\"erasure-confirm-error\"",
                "Ret de 2 felter, der er markeret.");
        assertThat(auditor.status()).isEqualTo(200);
        assertThat(auditor.body()).contains(member.name()).doesNotContain("erasure-form");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(adminPage.status()).isEqualTo(200);
        // the administrator sees where the data is held, by ids, before erasing: it erased blind
        assertThat(adminPage.body()).contains("erasure-form", "id=\"person-records\"", member.delegationId())
                .doesNotContain(member.name()).doesNotContain("wang@example.cn");
        assertThat(admin.get("/persons/PER-00000000-0000-0000-0000-000000000000").status())
                .as("an unknown person before the form is typed").isEqualTo(404);
        Api.Response records = new Api(port).as("admin").get(page.replace("/persons", "/api/persons") + "/records");
        assertThat(records.status()).isEqualTo(200);
        assertThat(records.body()).contains(member.delegationId(), "DELEGATION_MEMBER").doesNotContain(member.name());
        assertThat(new Api(port).as("desk").get(page.replace("/persons", "/api/persons")).json().get("erased")
                .asBoolean()).isFalse();

        PageSession.Page erased = admin.post(page + "/erasure", Map.of("legalBasis", "Case 27/99", "confirm", "true"));
        PageSession.Page again = admin.post(page + "/erasure", Map.of("legalBasis", "Case 27/99", "confirm", "true"));

        assertThat(erased.status()).isEqualTo(302);
        assertThat(erased.header("Location")).endsWith(page);
        // the erasure's record: the administrator read only that the data was gone
        assertThat(admin.get(page).body()).contains("id=\"erasure-record\"", "Case 27/99", ">admin<")
                .doesNotContain("erasure-form");
        assertThat(desk.get(page).body()).contains("id=\"erasure-record\"", "Case 27/99");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"refusal\"");
    }
}
