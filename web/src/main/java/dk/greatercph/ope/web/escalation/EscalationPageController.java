package dk.greatercph.ope.web.escalation;

import dk.greatercph.ope.web.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R5 for the desk: every overdue and escalated assignment, most overdue first, with the next step the API names,
 * said in the page's language, and the way to the delegation where the step is taken.
 */
@Controller
class EscalationPageController {

    private final Api api;

    EscalationPageController(Api api) {
        this.api = api;
    }

    @GetMapping("/escalations")
    String escalations(@RequestParam(required = false) String after, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", 50);
        query.put("after", after);
        model.addAttribute("page", api.get("/api/escalations", query).orRefuse());
        model.addAttribute("after", after);
        // back with the desk: a lead declined, and the delegation waits to be routed again; the desk was told
        // nothing, and the board showed it screened with no lead
        var declined = api.get("/api/delegations", Map.of("status", "SCREENED", "assignmentState", "DECLINED",
                "limit", 50));
        model.addAttribute("returned", declined.ok() ? declined.body().path("items") : null);
        return "escalation/escalations";
    }
}
