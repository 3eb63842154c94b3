package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.TripPlan;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.BrowserTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule as the desk reads it in a browser: a week with a double booking and a trip's itinerary item, the
 * month around it, the feed to subscribe to, and a new item appearing without a reload.
 */
@BrowserTest
class SchedulePageTest {

    @LocalServerPort
    int port;

    /** A week of its own: a trip (Monday to Sunday) with an item in Nanjing, and two items at one venue at once. */
    record Week(LocalDate monday, String delegation, String venue, String first, String second, String tripTitle,
                String counterpart) {
    }

    Week week() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        Api desk = lifecycle.desk();
        int year = ThreadLocalRandom.current().nextInt(2040, 2100);
        LocalDate monday = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7, 330))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tripTitle = "Trip " + suffix;
        Api.Response trip = ok(desk.post("/api/trips", TripPlan.of(year).titled(tripTitle)
                .dates(monday.toString(), monday.plusDays(6).toString()).extraordinary("Schedule page test").json()));
        String tripId = trip.json().get("id").asString();
        String counterpart = "Nanjing Bureau " + suffix;
        ok(desk.post("/api/trips/" + tripId + "/itinerary-items", """
                {"startsAt":"%sT10:00:00","endsAt":"%sT12:00:00","city":"Nanjing","counterpart":"%s"}"""
                .formatted(monday.plusDays(2), monday.plusDays(2), counterpart)));
        String delegation = lifecycle.accepted("Schedule " + suffix);
        String venue = lifecycle.venue();
        String first = "Meeting A " + suffix;
        String second = "Meeting B " + suffix;
        item(desk, delegation, first, venue, monday.plusDays(3) + "T10:00", monday.plusDays(3) + "T12:00");
        item(desk, delegation, second, venue, monday.plusDays(3) + "T11:00", monday.plusDays(3) + "T13:00");
        // the schedule's view holds all of it before a page shows it
        desk.getUntil("/api/schedule/conflicts?from=" + monday + "&to=" + monday.plusDays(6),
                r -> r.body().contains(first) && r.body().contains(second), Duration.ofSeconds(10));
        desk.getUntil("/api/schedule?from=" + monday + "&to=" + monday.plusDays(6),
                r -> r.body().contains(counterpart), Duration.ofSeconds(10));
        return new Week(monday, delegation, venue, first, second, tripTitle, counterpart);
    }

    static String item(Api as, String delegation, String title, String venue, String startsAt, String endsAt) {
        return ok(as.post("/api/delegations/" + delegation + "/programme-items", """
                {"kind":"MEETING","title":"%s","startsAt":"%s","endsAt":"%s","venueId":"%s"}"""
                .formatted(title, startsAt, endsAt, venue))).json().get("id").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    void theDeskSeesAWeekWithItsConflictAndTripItemThenTheMonthAndANewItemWithoutAReload(String lang) {
        Week week = week();
        Locale locale = Locale.forLanguageTag(lang);
        boolean da = lang.equals("da");
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass()).login("desk")) {
            browser.visit("/schedule?view=week&date=" + week.monday().plusDays(3), "schedule-week");

            // the calendar reloads itself when the views move on: each look at it is taken afresh
            assertThat(browser.<String>waitFor(d -> d.findElement(By.cssSelector("#schedule-period")).getText()))
                    .startsWith(da ? "Uge " : "Week ");
            assertThat(browser.<String>waitFor(d -> d.findElement(By.id("schedule-conflicts")).getText()))
                    .contains(week.first(), week.second())
                    .contains(da ? "booket to gange" : "booked twice");
            Entry conflicted = entry(browser, week.first());
            assertThat(conflicted.classes()).contains("in-conflict");
            assertThat(conflicted.text()).as("said in words, not by colour alone")
                    .contains(da ? "Konflikt" : "Conflict").contains(week.second());
            String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(LocalTime.of(10, 0));
            assertThat(conflicted.text()).contains(time);

            Entry tripItem = entry(browser, week.counterpart());
            assertThat(tripItem.classes()).contains("entry-TRIP_ITEM");
            assertThat(tripItem.text()).contains(da ? "Rejseprogram" : "Trip itinerary")
                    .contains("Asia/Shanghai").contains("Nanjing")
                    .as("10:00 in Nanjing is 03:00 or 04:00 in Copenhagen")
                    .containsAnyOf(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(LocalTime.of(3, 0)),
                            DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(LocalTime.of(4, 0)));
            assertThat(browser.all(By.cssSelector("li.entry-TRIP")).size()).as("the trip on each of its days")
                    .isGreaterThanOrEqualTo(7);
            assertThat(browser.find(By.id("schedule-feed-link")).getAttribute("href")).endsWith("/api/schedule.ics");

            browser.find(By.id("schedule-next")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("date=" + week.monday().plusWeeks(1)));
            browser.settle();
            assertThat(browser.text()).doesNotContain(week.first());
            browser.find(By.id("schedule-previous")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("date=" + week.monday()));
            browser.waitForText(week.first());

            Object marker = browser.script("window.opeMarker = 'same page'; return window.opeMarker");
            String late = "Late meeting " + UUID.randomUUID().toString().substring(0, 8);
            item(new Api(port).as("desk"), week.delegation(), late, new Lifecycle(new Api(port)).venue(),
                    week.monday().plusDays(4) + "T09:00", week.monday().plusDays(4) + "T10:00");
            browser.waitForText(late);
            assertThat(browser.script("return window.opeMarker")).as("no reload").isEqualTo(marker);
            browser.check("schedule-week-live");

            browser.visit("/schedule?view=month&date=" + week.monday().plusDays(3), "schedule-month");
            String month = week.monday().plusDays(3).getMonth()
                    .getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale);
            assertThat(browser.waitFor(d -> d.findElement(By.cssSelector("#schedule-period")).getText())
                    .toLowerCase(locale)).startsWith(month.toLowerCase(locale));
            assertThat(browser.all(By.cssSelector("ol.calendar-month > li")).size() % 7).isZero();
            assertThat(entry(browser, week.second()).classes()).contains("in-conflict");
            assertThat(browser.text()).contains(late);
            browser.script("Array.from(document.querySelectorAll('li.entry'))"
                    + ".find(e => e.textContent.includes(arguments[0])).scrollIntoView({block: 'center'})", week.second());
            browser.shot("schedule-month-entries");
        }
    }

    /** An entry's classes and text as the calendar shows them now. */
    private record Entry(String classes, String text) {
    }

    /** The entry holding {@code text}, its classes and text read together and afresh: the calendar reloads itself. */
    private static Entry entry(Browser browser, String text) {
        return browser.waitFor(d -> d.findElements(By.cssSelector("li.entry")).stream()
                .filter(e -> e.getText().contains(text)).findFirst()
                .map(e -> new Entry(e.getAttribute("class"), e.getText())).orElse(null));
    }

    /** Another delegation's item removed before confirmation showed as "Booked … called off": the venue looked taken. */
    @Test
    void anotherDelegationsRemovedItemDoesNotShowTheVenueAsTaken() {
        Lifecycle lifecycle = new Lifecycle(new Api(port));
        String id = lifecycle.accepted("Removed block " + UUID.randomUUID());
        LocalDate day = LocalDate.of(2031, 1, 6).plusWeeks(ThreadLocalRandom.current().nextInt(0, 900));
        String item = lifecycle.item(lifecycle.as("chc"), id, "MEETING", lifecycle.venue(), null,
                day + "T10:00:00+01:00", day + "T11:00:00+01:00");
        Api clean = new Api(port).as("clean");
        String api = "/api/schedule?from=" + day + "&to=" + day;
        clean.getUntil(api, r -> r.body().contains("BOOKED"), Duration.ofSeconds(10));
        String path = "/schedule?view=week&date=" + day;
        assertThat(PageSession.signedIn(port, "clean").get(path).body())
                .contains("Optaget (en anden operatørs delegation)");

        Api.Response removed = lifecycle.desk().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/delegations/" + id + "/programme-items/" + item)).DELETE(),
                java.util.Map.of());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        clean.getUntil(api, r -> r.body().contains("CANCELLED"), Duration.ofSeconds(10));

        assertThat(PageSession.signedIn(port, "clean").get(path).body())
                .doesNotContain("Optaget (en anden operatørs delegation)");
    }

    @Test
    void anOperatorSeesItsOwnItemsAndOthersOnlyAsBookings() {
        Week week = week();
        String path = "/schedule?view=week&date=" + week.monday();
        PageSession.Page lead = PageSession.signedIn(port, "chc").get(path);
        assertThat(lead.status()).isEqualTo(200);
        assertThat(lead.body()).contains(week.first(), week.second());
        PageSession.Page other = PageSession.signedIn(port, "clean").get(path);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).doesNotContain(week.first()).doesNotContain(week.tripTitle())
                .contains("Optaget (en anden operatørs delegation)").doesNotContain("schedule-shared-only");
        // filtered by another operator: what is left is said, where the week read "nothing planned" unexplained
        assertThat(PageSession.signedIn(port, "clean").get(path + "&operator=chc").body())
                .contains("id=\"schedule-shared-only\"", "du ser kun de delegationer og rejser, I begge er på");
        assertThat(lead.body()).doesNotContain("schedule-shared-only");
    }

    @Test
    void aDateThatIsNotADateOrAnUnknownViewIsABadRequest() {
        PageSession desk = PageSession.signedIn(port, "desk");
        assertThat(desk.get("/schedule?date=2027-13-01").status()).isEqualTo(400);
        assertThat(desk.get("/schedule?view=year").status()).isEqualTo(400);
        assertThat(desk.get("/schedule?view=month&date=2027-02-10").body()).contains("Februar 2027");
        assertThat(desk.get("/schedule?view=month&date=%2B999999999-12-31").status())
                .as("a date the calendar cannot hold a month around").isEqualTo(400);
    }

    /** The first to read a parameter on a page is an interceptor, before the API's check: refused all the same. */
    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsABadRequestOnAPage() {
        PageSession desk = PageSession.signedIn(port, "desk");
        for (String path : List.of("/schedule?date=%ED%A0%80", "/board?status=%FF", "/board?q=%C3%28")) {
            PageSession.Page page = desk.get(path);
            assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(400);
            assertThat(page.body()).as(path).contains("INVALID_TEXT").contains("percent-encoded UTF-8");
        }
    }
}
