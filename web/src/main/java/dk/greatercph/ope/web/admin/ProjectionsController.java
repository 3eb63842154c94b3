package dk.greatercph.ope.web.admin;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.List;

/**
 * The projections as the administrator watches them: each with its position, how far behind the head it is, its dead
 * letters and its last replay; a replay started from here shows a progress bar that follows it every second.
 */
@Controller
class ProjectionsController {

    private final Api api;

    ProjectionsController(Api api) {
        this.api = api;
    }

    @GetMapping("/admin/projections")
    String projections(Model model) {
        model.addAttribute("projections", api.get("/api/admin/projections").orRefuse());
        return "admin/projections";
    }

    /** One projection: its row alone, which a running replay's row polls every second. */
    @GetMapping("/admin/projections/{name}")
    String projection(@PathVariable String name, Model model) {
        model.addAttribute("projections", List.of(api.get("/api/admin/projections/" + name).orRefuse()));
        model.addAttribute("single", true);
        return "admin/projections";
    }

    @PostMapping("/admin/projections/{name}/replay")
    String replay(@PathVariable String name, Model model, HttpServletRequest request, HttpServletResponse response,
                  @RequestHeader(name = "HX-Request", required = false) String htmx) {
        ApiAnswer answer = api.post("/api/admin/projections/" + name + "/replay", null);
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("replayed", name);
            if (htmx != null) {
                RequestContextUtils.saveOutputFlashMap("/admin/projections", request, response);
                response.setHeader("HX-Redirect", request.getContextPath() + "/admin/projections");
                return "admin/projections :: nothing";
            }
            return "redirect:/admin/projections";
        }
        if (answer.status() == 403 || answer.status() == 404) {
            throw new PageRefused(answer.status());
        }
        response.setStatus(answer.status());
        model.addAttribute("problem", answer.problem());
        model.addAttribute("problemOn", name);
        return projections(model);
    }
}
