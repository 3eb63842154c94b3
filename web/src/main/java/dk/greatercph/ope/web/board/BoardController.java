package dk.greatercph.ope.web.board;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's board: every delegation, newest first, filtered and searched as the API's board allows, a page at a
 * time. The rows reload themselves when the board's view moves on.
 */
@Controller
class BoardController {

    static final List<String> FILTERS = List.of("status", "operator", "theme", "country", "sector", "type",
            "from", "to", "receivedFrom", "receivedTo", "assignmentState", "q", "after");

    private final Api api;
    private final FormErrors formErrors;

    BoardController(Api api, FormErrors formErrors) {
        this.formErrors = formErrors;
        this.api = api;
    }

    @GetMapping("/board")
    String board(@RequestParam Map<String, String> parameters, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
        Map<String, String> filters = new LinkedHashMap<>();
        FILTERS.forEach(name -> {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                // a country typed in lower case is meant as its code, as the request form reads it
                filters.put(name, "country".equals(name) ? value.trim().toUpperCase(java.util.Locale.ROOT) : value.trim());
            }
        });
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("limit", 25);
        ApiAnswer answer = api.get("/api/delegations", query);
        model.addAttribute("filters", filters);
        if (answer.ok()) {
            model.addAttribute("page", answer.data());
        } else if (answer.status() == 400) {
            // a filter the API refuses is 400 with the refusal in words, as on the audit log (it answered 200)
            response.setStatus(400);
            model.addAttribute("problem", answer.problem());
            model.addAttribute("errors", formErrors.of(answer.problem()));
        } else {
            answer.orRefuse();
        }
        return htmx != null ? "board/board :: results" : "board/board";
    }
}
