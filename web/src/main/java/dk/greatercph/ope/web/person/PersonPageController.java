package dk.greatercph.ope.web.person;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.web.layout.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data subject's page (rule R9). The desk and the auditors read everything held about the person, where it appears
 * (a delegation's members, a trip's participants or lead), to hand it over on request; every such read is recorded
 * by the API. The desk and the administrators erase the person's data: the person's key is destroyed, so no view,
 * export or replay can read the fields again. Erasure cannot be undone, so the form asks for its legal basis and for
 * a confirmation. An administrator, who may erase but not read personal data, sees where the data is held, by ids.
 * Once erased, the page says when, by whom and on what legal basis.
 */
@Controller
class PersonPageController {

    private final Api api;
    private final Words words;
    private final FormErrors formErrors;

    PersonPageController(Api api, Words words, FormErrors formErrors) {
        this.formErrors = formErrors;
        this.api = api;
        this.words = words;
    }

    @GetMapping("/persons/{personId}")
    String person(@PathVariable String personId, Model model, HttpServletRequest request) {
        String path = "/api/persons/" + personId;
        boolean mayRead = api.allows(HttpMethod.GET, path);
        boolean mayErase = api.allows(HttpMethod.POST, path + "/erasure");
        if (!mayRead && !mayErase) {
            throw new PageRefused(403);
        }
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        boolean justErased = flash != null && Boolean.TRUE.equals(flash.get("erased"));
        Object person = null;
        if (mayRead) {
            ApiAnswer answer = justErased ? erasedView(path) : api.get(path);
            person = answer.orRefuse();
            model.addAttribute("erased", answer.body().path("erased").asBoolean(false));
            model.addAttribute("erasure", ((Map<?, ?>) person).get("erasure"));
        } else {
            // where the data is held, without it: the administrator erased by an id it could not check, and was told
            // "no such person" only after typing the legal basis
            ApiAnswer records = justErased ? erasedView(path + "/records") : api.get(path + "/records");
            Map<?, ?> held = (Map<?, ?>) records.orRefuse();
            model.addAttribute("erasure", held.get("erasure"));
            model.addAttribute("records", held);
            model.addAttribute("erased", justErased || Boolean.TRUE.equals(held.get("erased")));
        }
        model.addAttribute("personId", personId);
        model.addAttribute("mayReadReads", api.allows(HttpMethod.GET, "/api/audit/personal-data-reads"));
        model.addAttribute("person", person);
        model.addAttribute("mayErase", mayErase);
        model.addAttribute("justErased", justErased);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("form", Map.of());
        }
        return "person/person";
    }

    @PostMapping("/persons/{personId}/erasure")
    String erase(@PathVariable String personId, @RequestParam MultiValueMap<String, String> form, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        String legalBasis = form.getFirst("legalBasis") == null ? "" : form.getFirst("legalBasis");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("legalBasis", legalBasis);
        typed.put("confirm", form.getFirst("confirm") == null ? "" : form.getFirst("confirm"));
        if (!"true".equals(form.getFirst("confirm"))) {
            if (!api.allows(HttpMethod.POST, "/api/persons/" + personId + "/erasure")) {
                throw new PageRefused(403);
            }
            // the legal basis left empty too is said at once: it came a round later, after the box was ticked
            Map<String, String> errors = new LinkedHashMap<>();
            if (legalBasis.isBlank()) {
                errors.put("legalBasis", formErrors.words("legalBasis", "is required"));
            }
            errors.put("confirm", "unconfirmed");
            return refused(personId, typed, errors, null, 400, model, request, response);
        }
        ApiAnswer answer = api.post("/api/persons/" + personId + "/erasure", Map.of("legalBasis", legalBasis));
        if (answer.ok()) {
            RequestContextUtils.getOutputFlashMap(request).put("erased", true);
            return "redirect:/persons/" + personId;
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem != null) {
            // a rule's refusal in the page's words; a constraint's message comes in the page's language already
            boolean constraint = "VALIDATION_FAILED".equals(problem.code());
            problem.fields().forEach(error -> errors.putIfAbsent(error.field(),
                    constraint ? formErrors.words(error.field(), error.message()) : words.problem(problem.code())));
        }
        return refused(personId, typed, errors, problem, answer.status(), model, request, response);
    }

    private String refused(String personId, Map<String, String> typed, Map<String, String> errors,
                           ApiAnswer.Problem problem, int status, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        String page = person(personId, model, request);
        response.setStatus(status);
        return page;
    }

    /**
     * The person (or where its data is held) right after the erasure: the view is brought up to date a moment later,
     * so wait (at most 5 s).
     */
    private ApiAnswer erasedView(String path) {
        return api.getUntil(path, Map.of(), answer -> answer.body().path("erased").asBoolean(false));
    }
}
