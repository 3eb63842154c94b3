package dk.greatercph.ope.web.schedule;

import dk.greatercph.ope.platform.input.DateRange;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The schedule as a week or a month: GET /api/schedule and /api/schedule/conflicts for the days shown, as the
 * signed-in user may see them (an operator its own schedule, others' items as anonymous bookings), with the link
 * to subscribe to the same schedule as an iCalendar feed.
 */
@Controller
class SchedulePageController {

    private final Api api;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    SchedulePageController(Api api, Clock clock, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/schedule")
    String schedule(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) String date,
                    @RequestParam(required = false) String operator, Model model, HttpServletRequest request) {
        if (!Calendar.views().contains(view)) {
            throw new PageRefused(400, "view");
        }
        LocalDate today = LocalDate.now(clock.withZone(OpeTime.COPENHAGEN));
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? today : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new PageRefused(400, "date");
        }
        // a month around a date at the end of time would leave the calendar's range (and the API's, DateRange)
        if (!DateRange.contains(day)) {
            throw new PageRefused(400, "date");
        }
        Locale locale = LocaleContextHolder.getLocale();
        Calendar calendar = Calendar.of(view, day, today, locale);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", calendar.from());
        query.put("to", calendar.to());
        query.put("operator", operator);
        ApiAnswer timeline = api.get("/api/schedule", query);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) timeline.orRefuse();
        ApiAnswer conflicts = api.get("/api/schedule/conflicts", Map.of("from", calendar.from(), "to", calendar.to()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) conflicts.orRefuse();
        // an answer with a next page holds only the first of the period's entries or conflicts: the page says so
        model.addAttribute("entriesCut", timeline.header(HttpHeaders.LINK) == null ? null : entries.size());
        model.addAttribute("conflictsCut", conflicts.header(HttpHeaders.LINK) != null);
        Map<String, java.util.Set<String>> clashes = new LinkedHashMap<>();
        java.util.Set<String> shown = new java.util.HashSet<>();
        entries.forEach(entry -> shown.add(Calendar.key(entry)));
        // the conflicts of the entries this calendar shows (an operator filter narrows the entries, not the conflicts)
        pairs = pairs.stream().filter(pair -> shown.contains(Calendar.key(map(pair.get("first"))))
                || shown.contains(Calendar.key(map(pair.get("second"))))).toList();
        for (Map<String, Object> pair : pairs) {
            @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) pair.get("first");
            @SuppressWarnings("unchecked") Map<String, Object> second = (Map<String, Object>) pair.get("second");
            // once each, though a pair may clash on its venue and on its host; another operator's block in words
            clashes.computeIfAbsent(Calendar.key(first), k -> new java.util.LinkedHashSet<>()).add(title(second, locale));
            clashes.computeIfAbsent(Calendar.key(second), k -> new java.util.LinkedHashSet<>()).add(title(first, locale));
        }
        Map<String, List<String>> inConflict = new LinkedHashMap<>();
        clashes.forEach((key, titles) -> inConflict.put(key, new ArrayList<>(titles)));
        model.addAttribute("calendar", calendar.with(entries, inConflict, locale));
        model.addAttribute("conflicts", pairs);
        String filtered = operator == null || operator.isBlank() ? null : operator.trim();
        model.addAttribute("operator", filtered);
        // an operator filtering by another sees only what it shares with it: the week read "nothing planned" unsaid
        model.addAttribute("sharedOnly", filtered != null && dk.greatercph.ope.platform.security.CurrentUser.current()
                .filter(user -> user.isOperator() && !filtered.equalsIgnoreCase(user.operatorId())).isPresent());
        model.addAttribute("today", today);
        model.addAttribute("canSeeTrips", api.allows(HttpMethod.GET, "/api/trips"));
        String feed = ServletUriComponentsBuilder.fromContextPath(request).path("/api/schedule.ics")
                .queryParamIfPresent("operator", java.util.Optional.ofNullable(operator).filter(o -> !o.isBlank()))
                .encode().build().toUriString();
        model.addAttribute("feed", feed);
        return "schedule/schedule";
    }

    /** An entry's title as the page shows it: another operator's block ("Booked" in the API) in the page's words. */
    private String title(Map<String, Object> entry, Locale locale) {
        return "BOOKED".equals(entry.get("type")) ? messages.getMessage("schedule.booked", null, locale)
                : String.valueOf(entry.get("title"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
