package dk.greatercph.ope.web.admin;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters: events a projection could not apply, parked per aggregate. The administrator retries one
 * letter's sequence or every letter of a projection, or evicts a letter for good with a reason; each result is
 * said in words.
 */
@Controller
class DeadLettersController {

    static final int PAGE = 50;

    private final Api api;

    DeadLettersController(Api api) {
        this.api = api;
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(@RequestParam(required = false) String projection,
                       @RequestParam(required = false) String offset, Model model, HttpServletResponse response) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("projection", projection);
        query.put("offset", offset);
        query.put("limit", PAGE);
        ApiAnswer letters = api.get("/api/admin/dead-letters", query);
        if (letters.ok()) {
            model.addAttribute("letters", letters.data());
        } else if (letters.status() == 400 || letters.status() == 404) {
            response.setStatus(letters.status());
            model.addAttribute("problem", letters.problem());
        } else {
            letters.orRefuse();
        }
        ApiAnswer projections = api.get("/api/admin/projections");
        model.addAttribute("projectionNames", projections.ok() ? names(projections.data()) : List.of());
        model.addAttribute("projection", projection);
        model.addAttribute("offset", offset);
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{id}/retry")
    String retry(@PathVariable String id, @RequestParam(required = false) String projection, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        ApiAnswer answer = api.post("/api/admin/dead-letters/" + id + "/retry", null);
        return answered(answer, "retried", projection, id, null, model, request, response);
    }

    @PostMapping("/admin/dead-letters/retry")
    String retryAll(@RequestParam(required = false) String projection, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        ApiAnswer answer = api.call(HttpMethod.POST, "/api/admin/dead-letters/retry",
                Map.of("projection", projection == null ? "" : projection), null, Map.of());
        return answered(answer, "retried", projection, null, null, model, request, response);
    }

    @PostMapping("/admin/dead-letters/{id}/eviction")
    String evict(@PathVariable String id, @RequestParam(required = false) String projection,
                 @RequestParam(required = false) String reason, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        ApiAnswer answer = api.call(HttpMethod.DELETE, "/api/admin/dead-letters/" + id,
                Map.of("reason", reason == null ? "" : reason.strip()), null, Map.of());
        return answered(answer, "evicted", projection, id, reason, model, request, response);
    }

    private String answered(ApiAnswer answer, String done, String projection, String letter, String reason, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", done);
            if (answer.status() != 204) {
                flash.put("outcome", answer.data());
            }
            String target = UriComponentsBuilder.fromPath("/admin/dead-letters")
                    .queryParamIfPresent("projection", java.util.Optional.ofNullable(blank(projection)))
                    .encode().build().toUriString();
            if (request.getHeader("HX-Request") != null) {
                RequestContextUtils.saveOutputFlashMap(target, request, response);
                response.setHeader("HX-Redirect", request.getContextPath() + target);
                return "admin/dead-letters :: nothing";
            }
            return "redirect:" + target;
        }
        if (answer.status() == 403) {
            throw new PageRefused(403);
        }
        String page = deadLetters(blank(projection), null, model, response);
        response.setStatus(answer.status() >= 500 ? 500 : answer.status());
        model.addAttribute("problem", answer.problem());
        model.addAttribute("problemOn", letter);
        model.addAttribute("reason", reason);
        return page;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<Object> names(Object projections) {
        return ((List<?>) projections).stream().map(p -> ((Map<?, ?>) p).get("name")).map(Object.class::cast).toList();
    }
}
