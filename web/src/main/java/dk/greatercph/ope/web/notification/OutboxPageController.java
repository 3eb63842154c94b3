package dk.greatercph.ope.web.notification;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.Optional;

/**
 * The administrator's outbox: every notification by status (pending, sent, failed, held), newest first, and a retry
 * for one that failed or is held; a refusal is said in words.
 */
@Controller
class OutboxPageController {

    static final int PAGE = 50;
    static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "HELD", "EVICTED", "DROPPED");

    private final Api api;

    OutboxPageController(Api api) {
        this.api = api;
    }

    @GetMapping("/admin/notifications")
    String outbox(@RequestParam(required = false) String status, @RequestParam(required = false) String offset,
                  Model model, HttpServletResponse response) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("offset", offset);
        query.put("limit", PAGE);
        ApiAnswer messages = api.get("/api/admin/notifications", query);
        if (messages.ok()) {
            model.addAttribute("messages", messages.data());
        } else if (messages.status() == 400) {
            response.setStatus(400);
            model.addAttribute("problem", messages.problem());
        } else {
            messages.orRefuse();
        }
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", status);
        model.addAttribute("offset", offset);
        return "notification/outbox";
    }

    @PostMapping("/admin/notifications/{id}/retry")
    String retry(@PathVariable String id, @RequestParam(required = false) String status, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        ApiAnswer answer = api.post("/api/admin/notifications/" + id + "/retry", null);
        String shown = status == null || status.isBlank() ? null : status.strip();
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", "retried");
            String target = UriComponentsBuilder.fromPath("/admin/notifications")
                    .queryParamIfPresent("status", Optional.ofNullable(shown)).encode().build().toUriString();
            if (request.getHeader("HX-Request") != null) {
                RequestContextUtils.saveOutputFlashMap(target, request, response);
                response.setHeader("HX-Redirect", request.getContextPath() + target);
                return "notification/outbox :: nothing";
            }
            return "redirect:" + target;
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        String page = outbox(shown, null, model, response);
        response.setStatus(answer.status());
        model.addAttribute("problem", problem);
        model.addAttribute("problemOn", id);
        return page;
    }
}
