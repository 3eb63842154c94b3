package dk.greatercph.ope.app.query;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.time.OpeTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static dk.greatercph.ope.app.support.DelegationEvents.at;
import static dk.greatercph.ope.app.support.DelegationEvents.item;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers the client did not ask for in pages are bounded all the same ({@code ope.schedule.most-unpaged}, here 5
 * entries): the timeline answers its first page and links the rest, a feed that cannot be paged is refused, and the
 * whole history's feed starts a year back when the history holds more. A configuration of its own, so that its
 * entries stay out of the shared database's whole-history answers.
 */
@OpeIntegrationTest
@TestPropertySource(properties = "ope.schedule.most-unpaged=5")
class BoundedScheduleAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;
    Api desk;
    LocalDate today;

    @BeforeEach
    void setUp() {
        desk = new Api(port).as("desk");
        today = LocalDate.now(OpeTime.COPENHAGEN);
    }

    @Test
    void aPeriodOfMoreEntriesThanOneAnswerHoldsComesAsItsFirstPageLinkingTheRest() {
        LocalDate day = pastDay();
        DelegationId delegation = delegationWithItems(day, 6);
        String period = "/api/schedule?from=" + day + "&to=" + day;

        Api.Response first = desk.getUntil(period, r -> r.status() == 200 && r.header("Link") != null, WAIT);

        assertThat(ids(first.json())).containsExactly("I0", "I1", "I2", "I3", "I4");
        String link = first.header("Link");
        assertThat(link).contains("limit=500").contains("after=").endsWith(">; rel=\"next\"");
        Api.Response rest = desk.get(link.substring(1, link.indexOf('>')));
        assertThat(rest.status()).isEqualTo(200);
        assertThat(ids(rest.json())).containsExactly("I5");
        assertThat(rest.header("Link")).isNull();
        assertThat(rest.json().get(0).get("delegationId").asString()).isEqualTo(delegation.value());

        // the schedule page shows what one answer holds, and says that there is more
        PageSession page = PageSession.signedIn(port, "desk");
        String week = page.get("/schedule?view=week&date=" + day).body();
        assertThat(week).contains("id=\"schedule-cut\"").contains("kun de første 5 vises")
                .contains("Meeting 4").doesNotContain("Meeting 5");
        assertThat(page.get("/schedule?view=week&date=" + day.minusWeeks(1)).body()).doesNotContain("schedule-cut");
    }

    @Test
    void aFeedOfMoreEntriesThanOneAnswerHoldsIsRefusedNamingFrom() {
        LocalDate day = pastDay();
        delegationWithItems(day, 6);
        desk.getUntil("/api/schedule?from=" + day + "&to=" + day, r -> r.status() == 200 && r.header("Link") != null,
                WAIT);

        Api.Response feed = desk.get("/api/schedule.ics?from=" + day + "&to=" + day);

        assertThat(feed.status()).as(feed.body()).isEqualTo(400);
        assertThat(feed.json().get("code").asString()).isEqualTo("TOO_MANY_ENTRIES");
        assertThat(feed.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(desk.get("/api/schedule.ics?from=" + day + "&to=" + day + "&operator=woco").status())
                .isEqualTo(200);
    }

    @Test
    void theWholeHistorysFeedStartsAYearBackWhenTheHistoryHoldsMoreThanOneAnswer() {
        LocalDate old = pastDay();
        LocalDate soon = today.plusDays(30);
        DelegationId past = delegationWithItems(old, 6);
        DelegationId coming = delegationWithItems(soon, 2);
        desk.getUntil("/api/schedule?from=" + soon + "&to=" + soon, r -> r.status() == 200 && r.json().size() == 2,
                WAIT);
        desk.getUntil("/api/schedule?from=" + old + "&to=" + old, r -> r.status() == 200 && r.header("Link") != null,
                WAIT);

        Api.Response feed = desk.get("/api/schedule.ics");

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains(coming.value() + ".I0@one-point-entry", coming.value() + ".I1@one-point-entry")
                .doesNotContain(past.value());

        log.append("Delegation", coming.value(), IntStream.range(2, 6)
                .mapToObj(n -> item(coming, "I" + n, "Meeting " + n, at(soon, 8 + n, 0), at(soon, 9 + n, 0), null, null))
                .toArray());
        desk.getUntil("/api/schedule?from=" + soon + "&to=" + soon, r -> r.status() == 200 && r.header("Link") != null,
                WAIT);
        Api.Response full = desk.get("/api/schedule.ics");
        assertThat(full.status()).as(full.body()).isEqualTo(400);
        assertThat(full.json().get("code").asString()).isEqualTo("TOO_MANY_ENTRIES");
    }

    /** A day of its own more than a year before today, so outside the feed's window of the last year. */
    private LocalDate pastDay() {
        return today.minusYears(2).minusDays(ThreadLocalRandom.current().nextInt(0, 30 * 365));
    }

    /** A delegation with {@code count} hour-long items on {@code day} from 08:00, I0 first. */
    private DelegationId delegationWithItems(LocalDate day, int count) {
        DelegationId id = DelegationId.newId();
        log.append("Delegation", id.value(), registered(id, "Bound " + id, day, day, Theme.GREEN_GROWTH),
                routed(id, "clean"));
        log.append("Delegation", id.value(), IntStream.range(0, count)
                .mapToObj(n -> item(id, "I" + n, "Meeting " + n, at(day, 8 + n, 0), at(day, 9 + n, 0), null, null))
                .toArray());
        return id;
    }

    private static List<String> ids(JsonNode schedule) {
        return schedule.valueStream().map(e -> e.get("id").asString()).toList();
    }
}
