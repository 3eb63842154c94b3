package dk.greatercph.ope.web.trip;

import dk.greatercph.ope.events.trip.ParticipantKind;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.layout.Words;
import dk.greatercph.ope.web.request.FormJson;
import tools.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Region's political trips: the list, planning a trip (R7: a year's second trip needs a reason), and one trip
 * with its participants, itinerary, approval, report and cancellation, each offered only while the trip's state
 * and the API allow it. Every change is a trip command of the API, conditional on the version the page showed.
 */
@Controller
class TripPageController {

    static final List<String> TIME_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo",
            "Asia/Seoul", "Asia/Singapore", "Europe/Copenhagen", "Europe/Brussels", "America/New_York");

    private final java.time.Clock clock;
    private final Api api;
    private final Words words;
    private final MessageSource messages;
    private final FormErrors formErrors;

    TripPageController(Api api, Words words, MessageSource messages, FormErrors formErrors, java.time.Clock clock) {
        this.clock = clock;
        this.formErrors = formErrors;
        this.api = api;
        this.words = words;
        this.messages = messages;
    }

    @GetMapping("/trips")
    String trips(@RequestParam(required = false) String year, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("year", year);
        ApiAnswer answer = api.get("/api/trips", query);
        if (answer.status() == 400) {
            model.addAttribute("problem", answer.problem());
            model.addAttribute("trips", List.of());
        } else {
            model.addAttribute("trips", answer.orRefuse());
        }
        model.addAttribute("year", year);
        model.addAttribute("mayPlan", api.allows(HttpMethod.POST, "/api/trips"));
        return "trip/trips";
    }

    @GetMapping("/trips/new")
    String newTrip(Model model, HttpServletResponse response) {
        if (!api.allows(HttpMethod.POST, "/api/trips")) {
            response.setStatus(403);
            model.addAttribute("status", 403);
            return "error/problem";
        }
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "trip/new";
    }

    @PostMapping("/trips/new")
    String plan(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, Object> body = TripForms.body()
                .number("year", form.get("year"))
                .text("title", form.get("title"))
                .list("destinations", TripForms.items(form.get("destinations"), ","))
                .text("startDate", form.get("startDate"))
                .text("endDate", form.get("endDate"))
                .text("leader", form.get("leader"))
                .multiline("extraordinaryReason", form.get("extraordinaryReason"))
                .json();
        ApiAnswer answer = api.post("/api/trips", body);
        if (answer.ok()) {
            String id = answer.body().path("id").asString();
            return act(id, "planned", form, answer, model, response);
        }
        refusedUnlessShown(answer);
        response.setStatus(answer.status());
        model.addAttribute("form", form);
        model.addAttribute("problem", answer.problem());
        model.addAttribute("errors", FieldErrors.of(answer.problem(), this::plain, formErrors));
        return "trip/new";
    }

    @GetMapping("/trips/{id}")
    String trip(@PathVariable String id, @RequestParam(required = false) Long v, Model model) {
        return show(id, v, model);
    }

    @PostMapping("/trips/{id}/participants")
    String addParticipant(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                          HttpServletResponse response) {
        Map<String, Object> body = TripForms.body()
                .text("kind", form.get("kind"))
                .text("name", nameOf(id, form))
                .text("title", form.get("title"))
                .text("organisation", form.get("organisation"))
                // sent whatever the kind: an operator typed for an official was dropped without a word, where the
                // API refuses it (OPERATOR_NOT_EXPECTED) beside the field
                .text("operatorId", FormJson.operatorCode(form.get("operatorId")))
                .text("personId", form.get("personId"))
                .json();
        return act(id, "participant", form, call(HttpMethod.POST, "/api/trips/" + id + "/participants", body, form),
                model, response);
    }

    /**
     * The name typed, or, left empty with the trip's leader chosen as the person, the leader's: the form was refused
     * for want of a name its help said was the leader's.
     */
    private String nameOf(String trip, Map<String, String> form) {
        String name = form.get("name");
        String person = form.get("personId");
        if ((name == null || name.isBlank()) && person != null && !person.isBlank()) {
            JsonNode shown = api.get("/api/trips/" + trip).body();
            if (person.strip().equals(shown.path("leaderPersonId").asString(""))) {
                return shown.path("leader").asString(name);
            }
        }
        return name;
    }

    @PostMapping("/trips/{id}/participants/{participantId}/removal")
    String removeParticipant(@PathVariable String id, @PathVariable String participantId,
                             @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return act(id, "removal", form, call(HttpMethod.DELETE, "/api/trips/" + id + "/participants/" + participantId,
                null, form), model, response);
    }

    @PostMapping("/trips/{id}/itinerary-items/{itemId}/removal")
    String removeItem(@PathVariable String id, @PathVariable String itemId, @RequestParam Map<String, String> form,
                      Model model, HttpServletResponse response) {
        return act(id, "itemRemoval", form, call(HttpMethod.DELETE, "/api/trips/" + id + "/itinerary-items/" + itemId,
                null, form), model, response);
    }

    @PostMapping("/trips/{id}/itinerary-items")
    String addItem(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        Map<String, Object> body = TripForms.body()
                .localDateTime("startsAt", form.get("startsAt"))
                .localDateTime("endsAt", form.get("endsAt"))
                .text("timeZone", form.get("timeZone"))
                .text("city", form.get("city"))
                .text("counterpart", form.get("counterpart"))
                .multiline("description", form.get("description"))
                .text("objectiveOperator", FormJson.operatorCode(form.get("objectiveOperator")))
                .text("objectiveCompany", form.get("objectiveCompany"))
                .json();
        return act(id, "item", form, call(HttpMethod.POST, "/api/trips/" + id + "/itinerary-items", body, form),
                model, response);
    }

    @PostMapping("/trips/{id}/approval")
    String approve(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        return act(id, "approval", form, call(HttpMethod.POST, "/api/trips/" + id + "/approval", null, form),
                model, response);
    }

    @PostMapping("/trips/{id}/completion")
    String complete(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                    HttpServletResponse response) {
        List<Map<String, String>> followUps = new ArrayList<>();
        for (String line : TripForms.items(form.get("followUps"), "\\R")) {
            int colon = line.indexOf(':');
            followUps.add(colon < 0 ? Map.of("operatorId", "", "action", line)
                    : Map.of("operatorId", FormJson.operatorCode(line.substring(0, colon)),
                            "action", line.substring(colon + 1).strip()));
        }
        Map<String, Object> body = TripForms.body()
                .multiline("outcomes", form.get("outcomes"))
                .list("agreementsSigned", TripForms.items(form.get("agreementsSigned"), "\\R"))
                .list("followUps", followUps)
                .json();
        return act(id, "completion", form, call(HttpMethod.POST, "/api/trips/" + id + "/completion", body, form),
                model, response);
    }

    @PostMapping("/trips/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response) {
        Map<String, Object> body = TripForms.body().multiline("reason", form.get("reason")).json();
        return act(id, "cancellation", form, call(HttpMethod.POST, "/api/trips/" + id + "/cancellation", body, form),
                model, response);
    }

    /** The command, conditional on the version the page showed (a change meanwhile is 412, said in words). */
    private ApiAnswer call(HttpMethod method, String path, Object body, Map<String, String> form) {
        Map<String, String> headers = new LinkedHashMap<>();
        String version = form.get("version");
        if (version != null && version.matches("\\d{1,18}")) {
            headers.put("If-Match", "\"" + version + "\"");
        }
        return api.call(method, path, Map.of(), body, headers);
    }

    private String act(String id, String action, Map<String, String> form, ApiAnswer answer, Model model,
                       HttpServletResponse response) {
        if (answer.ok()) {
            // said on the page it leads to, as the delegation's actions are: the trip's gave no word that it was done
            RequestContextUtils.getOutputFlashMap(((ServletRequestAttributes) RequestContextHolder
                    .currentRequestAttributes()).getRequest()).put("done", action);
            return "redirect:/trips/" + id + "?v=" + orZero(TripForms.version(answer.header("ETag")));
        }
        refusedUnlessShown(answer);
        response.setStatus(answer.status());
        model.addAttribute("failed", action);
        model.addAttribute("form", form);
        model.addAttribute("problem", answer.problem());
        model.addAttribute("errors", FieldErrors.of(answer.problem(), this::plain, formErrors));
        return show(id, null, model);
    }

    private String show(String id, Long minVersion, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("minVersion", minVersion);
        Object trip = api.get("/api/trips/" + id, query).orRefuse();
        model.addAttribute("trip", trip);
        // a trip is completed with its report once it has begun (its first day, in Copenhagen), as the API requires
        Object startDate = trip instanceof Map<?, ?> shown ? shown.get("startDate") : null;
        model.addAttribute("begun", startDate == null || !java.time.LocalDate.now(clock.withZone(OpeTime.COPENHAGEN))
                .isBefore(java.time.LocalDate.parse(startDate.toString())));
        model.addAttribute("mayChange", api.allows(HttpMethod.POST, "/api/trips/" + id + "/approval"));
        model.addAttribute("mayReadPersons", api.allows(HttpMethod.GET, "/api/persons/any")
                || api.allows(HttpMethod.POST, "/api/persons/any/erasure"));
        model.addAttribute("participantKinds", Arrays.stream(ParticipantKind.values()).map(Enum::name).toList());
        model.addAttribute("timeZones", TIME_ZONES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
            model.addAttribute("errors", Map.of());
        }
        return "trip/trip";
    }

    /** A refusal in plain words: the trip pages' own sentence for it, else the pages' general one. */
    private String plain(String code) {
        String own = messages.getMessage("trips.problem." + code, null, null, LocaleContextHolder.getLocale());
        return own != null ? own : words.problem(code);
    }

    /** A refusal a form shows beside its fields (bad input, a rule, a conflict); any other is the page's. */
    private static void refusedUnlessShown(ApiAnswer answer) {
        int status = answer.status();
        if (status != 400 && status != 404 && status != 409 && status != 412 && status != 422) {
            answer.orRefuse();
        }
    }

    private static long orZero(Long version) {
        return version == null ? 0 : version;
    }
}
