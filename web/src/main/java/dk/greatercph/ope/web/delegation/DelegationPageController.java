package dk.greatercph.ope.web.delegation;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.request.FormJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One delegation's page and its programme editor. Every action is a plain form POST to the page (htmx enhances it)
 * that makes one API call under the signed-in user, with {@code If-Match} carrying the version the page showed: a
 * done action shows the delegation as it now is (read-your-writes); a refused one shows the page again with the
 * refusal in words, each field's error beside it and what the person typed kept.
 */
@Controller
class DelegationPageController {

    private static final Pattern VERSION = Pattern.compile("\\d{1,18}");

    private final Api api;
    private final DelegationView view;
    private final FormErrors errors;

    DelegationPageController(Api api, DelegationView view, FormErrors errors) {
        this.api = api;
        this.view = view;
        this.errors = errors;
    }

    @GetMapping("/delegations/{id}")
    String delegation(@PathVariable String id, @RequestParam(required = false) Long minVersion, Model model) {
        view.fill(model, id, minVersion);
        return "delegation/delegation";
    }

    @GetMapping("/delegations/{id}/programme")
    String programme(@PathVariable String id, @RequestParam(required = false) Long minVersion, Model model) {
        view.fill(model, id, minVersion);
        view.pickers(model);
        return "delegation/programme";
    }

    @PostMapping({"/delegations/{id}/do/{action}", "/delegations/{id}/do/{action}/{sub}"})
    String act(@PathVariable String id, @PathVariable String action, @PathVariable(required = false) String sub,
               @RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
               HttpServletResponse response,
               RedirectAttributes redirect, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        DelegationAction what = DelegationAction.byKey(action);
        if (what == null || what.needsSub() != (sub != null)) {
            throw new PageRefused(404);
        }
        String shown = form.getFirst("version");
        Map<String, String> headers = shown != null && VERSION.matcher(shown).matches()
                ? Map.of("If-Match", "\"" + shown + "\"") : Map.of();
        ApiAnswer refused = what == DelegationAction.ROUTING ? DelegationAction.overrideRefusal(FormJson.from(form)) : null;
        ApiAnswer answer = refused != null ? refused
                : api.call(what.method(), what.apiPath(id, sub), Map.of(), what.body(FormJson.from(form)), headers);
        String page = "/delegations/" + id + (what.page() == DelegationAction.Page.PROGRAMME ? "/programme" : "");
        if (answer.ok()) {
            long version = answer.body().path("version").asLong(-1);
            String target = page + (version >= 0 ? "?minVersion=" + version : "");
            redirect.addFlashAttribute("done", what.key());
            if (htmx != null) {
                // htmx follows HX-Redirect itself, so the flash that says what was done is kept here, not by a redirect view
                RequestContextUtils.getOutputFlashMap(request).put("done", what.key());
                RequestContextUtils.saveOutputFlashMap(target, request, response);
                response.setHeader("HX-Redirect", target);
                return "delegation/delegation :: nothing";
            }
            return "redirect:" + target;
        }
        if (answer.status() == 401 || answer.status() == 403 && "FORBIDDEN".equals(answer.problem().code())) {
            throw new PageRefused(403);
        }
        if (answer.status() == 404 && "NOT_FOUND".equals(answer.problem().code())) {
            throw new PageRefused(404);
        }
        ApiAnswer.Problem problem = answer.problem();
        Long minVersion = DelegationView.RECORDED_REFUSALS.contains(problem.code()) && shown != null
                && VERSION.matcher(shown).matches() ? Long.parseLong(shown) + 1 : null;
        view.fill(model, id, minVersion);
        if (what.page() == DelegationAction.Page.PROGRAMME) {
            view.pickers(model);
        }
        response.setStatus(answer.status());
        model.addAttribute("refusal", problem);
        model.addAttribute("refused", what.key());
        model.addAttribute("refusedSub", sub);
        model.addAttribute("errors", errors.of(answer));
        model.addAttribute("form", form);
        return what.page() == DelegationAction.Page.PROGRAMME ? "delegation/programme" : "delegation/delegation";
    }
}
