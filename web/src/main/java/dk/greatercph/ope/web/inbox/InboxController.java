package dk.greatercph.ope.web.inbox;

import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's inbox: the offers waiting for its answer (due dates, overdue and escalated ones said in words),
 * accepting and declining them with a reason, and the delegations it has accepted. An operator sees only its own;
 * the desk and auditors may open any operator's inbox where the API lets them ({@code /inbox?operator=chc}).
 */
@Controller
class InboxController {

    private final Api api;

    InboxController(Api api) {
        this.api = api;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String operator, Model model) {
        String shown = operatorShown(operator);
        if (shown == null) {
            return picker(model);
        }
        show(shown, model);
        return "inbox/inbox";
    }

    @PostMapping("/inbox/{delegationId}/acceptance")
    String accept(@PathVariable String delegationId, @RequestParam(required = false) String operator, Model model,
                  HttpServletRequest request, HttpServletResponse response,
                  @RequestHeader(name = "HX-Request", required = false) String htmx) {
        String shown = required(operatorShown(operator));
        ApiAnswer answer = api.post(assignment(delegationId, shown) + "/acceptance", null);
        return answered(answer, delegationId, shown, "accepted", null, model, request, response, htmx);
    }

    @PostMapping("/inbox/{delegationId}/decline")
    String decline(@PathVariable String delegationId, @RequestParam(required = false) String operator,
                   @RequestParam(required = false) String reason, Model model, HttpServletRequest request,
                   HttpServletResponse response, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        String shown = required(operatorShown(operator));
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        ApiAnswer answer = api.post(assignment(delegationId, shown) + "/decline", body);
        return answered(answer, delegationId, shown, "declined", reason, model, request, response, htmx);
    }

    /**
     * After a command: on success wait until the views hold it (read-your-writes through the delegation's version),
     * then Post/Redirect/Get to the inbox with {@code answered}, the delegation; on a refusal the inbox again, with
     * the refusal in words and the API's status.
     */
    private String answered(ApiAnswer answer, String delegationId, String operator, String done, String reason,
                            Model model, HttpServletRequest request, HttpServletResponse response, String htmx) {
        if (answer.ok()) {
            String version = version(answer.header("ETag"));
            if (version != null) {
                // the inbox reads the assignments the delegation's view keeps: once that view has the new
                // version, the inbox shows the answer (an operator that declined no longer sees the delegation,
                // which ends the wait as well)
                api.get("/api/delegations/" + delegationId, Map.of("minVersion", version));
            }
            // the redirect names the answered delegation: the flash is kept for that address only, so the lists'
            // own reload (pushed by the same answer, a GET of the inbox's address) cannot take it first
            String target = UriComponentsBuilder.fromUriString(address(operator)).queryParam("answered", delegationId)
                    .encode().build().toUriString();
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", done);
            if (htmx != null) {
                // htmx follows HX-Redirect itself; the flash is kept here as a redirect view would keep it
                RequestContextUtils.saveOutputFlashMap(target, request, response);
                response.setHeader("HX-Redirect", request.getContextPath() + target);
                return "inbox/inbox :: nothing";
            }
            return "redirect:" + target;
        }
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 404) {
            throw new PageRefused(answer.status());
        }
        response.setStatus(answer.status());
        model.addAttribute("problem", answer.problem());
        model.addAttribute("problemOn", delegationId);
        model.addAttribute("reason", reason);
        show(operator, model);
        return "inbox/inbox";
    }

    /** How many accepted, and how many declined or withdrawn, offers the inbox lists (the newest). */
    static final int SHOWN_ANSWERED = 50;

    /**
     * The API lists offers by deadline, which says nothing about when they were answered (a deadline may lie far
     * ahead of an answer given today). The page shows the {@link #SHOWN_ANSWERED} answered last: those whose row
     * the projection changed last, by the event's position in the store.
     */
    private static List<Map<?, ?>> newest(List<Map<?, ?>> entries) {
        return entries.stream()
                .sorted(java.util.Comparator.comparingLong((Map<?, ?> e) -> ((Number) e.get("position")).longValue())
                        .reversed())
                .limit(SHOWN_ANSWERED)
                .toList();
    }

    private void show(String operator, Model model) {
        Map<?, ?> inbox = (Map<?, ?>) api.get("/api/operators/" + operator + "/inbox").orRefuse();
        List<Map<?, ?>> open = new ArrayList<>();
        List<Map<?, ?>> accepted = new ArrayList<>();
        List<Map<?, ?>> closed = new ArrayList<>();
        for (Object item : (List<?>) inbox.get("entries")) {
            Map<?, ?> entry = (Map<?, ?>) item;
            switch (String.valueOf(entry.get("state"))) {
                case "OFFERED", "ESCALATED" -> open.add(entry);
                case "ACCEPTED" -> accepted.add(entry);
                default -> closed.add(entry);
            }
        }
        model.addAttribute("inbox", inbox);
        model.addAttribute("open", open);
        // answered offers pile up over the years: the newest are shown, the count says how many there are (of the
        // whole inbox: an answer holds open ones first, then the latest answered, and may stop short of the oldest)
        Map<?, ?> counts = inbox.get("countsByState") instanceof Map<?, ?> map ? map : Map.of();
        model.addAttribute("acceptedTotal", Math.max(accepted.size(), count(counts, "ACCEPTED")));
        model.addAttribute("closedTotal", Math.max(closed.size(), count(counts, "DECLINED") + count(counts, "WITHDRAWN")));
        model.addAttribute("accepted", newest(accepted));
        model.addAttribute("closed", newest(closed));
        model.addAttribute("shownAnswered", SHOWN_ANSWERED);
        model.addAttribute("operator", operator);
        model.addAttribute("own", CurrentUser.current().map(u -> operator.equals(u.operatorId())).orElse(false));
        model.addAttribute("address", address(operator));
        model.addAttribute("mayAnswer", api.allows(HttpMethod.POST,
                "/api/delegations/x/assignments/" + operator + "/acceptance"));
        model.addAttribute("maySchedule", api.allows(HttpMethod.GET, "/api/schedule"));
        // what the political trips handed to this operator: it was on the desk's trip page only
        ApiAnswer followUps = api.get("/api/operators/" + operator + "/trip-follow-ups");
        model.addAttribute("followUps", followUps.ok() ? followUps.data() : List.of());
    }

    private static long count(Map<?, ?> counts, String state) {
        return counts.get(state) instanceof Number n ? n.longValue() : 0;
    }

    /** The desk's or an auditor's way in: pick the operator whose inbox to open. */
    private String picker(Model model) {
        if (!api.allows(HttpMethod.GET, "/api/operators/x/inbox")) {
            throw new PageRefused(403);
        }
        ApiAnswer operators = api.get("/api/operators");
        model.addAttribute("operators", operators.ok() ? operators.data() : List.of());
        return "inbox/pick";
    }

    /** The operator whose inbox is shown: an operator's own unless another is asked for; null when none is. */
    private static String operatorShown(String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked.strip();
        }
        return CurrentUser.current().map(CurrentUser::operatorId).orElse(null);
    }

    private static String required(String operator) {
        if (operator == null) {
            throw new PageRefused(404);
        }
        return operator;
    }

    private static String assignment(String delegationId, String operator) {
        return "/api/delegations/" + delegationId + "/assignments/" + operator;
    }

    /** The inbox's own address: an operator's plain {@code /inbox}, anyone else's with the operator named. */
    static String address(String operator) {
        boolean own = CurrentUser.current().map(u -> operator.equals(u.operatorId())).orElse(false);
        return own ? "/inbox" : UriComponentsBuilder.fromPath("/inbox").queryParam("operator", operator)
                .encode().build().toUriString();
    }

    static String version(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.replace("W/", "").replace("\"", "").strip();
        return value.matches("\\d+") ? value : null;
    }
}
