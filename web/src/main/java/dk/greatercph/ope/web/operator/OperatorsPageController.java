package dk.greatercph.ope.web.operator;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.request.FormJson;
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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operators and the themes each takes: together they are the routing table (R1), each change a new version of
 * it. The desk and auditors read it; the desk registers an operator and changes the themes one takes. Before this page
 * the routing table could be read and changed only through the API.
 */
@Controller
class OperatorsPageController {

    private final Api api;
    private final FormErrors formErrors;

    OperatorsPageController(Api api, FormErrors formErrors) {
        this.api = api;
        this.formErrors = formErrors;
    }

    @GetMapping("/operators")
    String operators(Model model, HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return page(model, flash == null ? null : Expected.read(flash.get("expect")));
    }

    private String page(Model model, Expected expected) {
        // right after a change, wait a little (at most five seconds) until the list shows it
        ApiAnswer answer = api.getUntil("/api/operators", Map.of(),
                listed -> expected == null || expected.shownIn(listed.body()));
        model.addAttribute("operators", answer.orRefuse());
        long routingVersion = 0;
        for (JsonNode operator : answer.body()) {
            routingVersion = Math.max(routingVersion, operator.path("routingVersion").asLong(0));
        }
        model.addAttribute("routingVersion", routingVersion);
        model.addAttribute("mayRegister", api.allows(HttpMethod.POST, "/api/operators"));
        model.addAttribute("mayChange", api.allows(HttpMethod.PUT, "/api/operators/any/themes"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "operator/operators";
    }

    @PostMapping("/operators")
    String register(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        FormJson body = FormJson.from(form).string("code").string("name").list("themes");
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("code", text(form, "code"));
        typed.put("name", text(form, "name"));
        typed.put("themes", body.values("themes"));
        model.addAttribute("registerForm", typed);
        ApiAnswer answer = api.post("/api/operators", body.body());
        String code = text(form, "code").strip();
        return answered(answer, "register", new Expected(code, 0), model, request, response);
    }

    @PostMapping("/operators/{id}/themes")
    String changeThemes(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        FormJson body = FormJson.from(form).list("themes");
        String typedVersion = text(form, "version");
        Long version = typedVersion.matches("[0-9]{1,18}") ? Long.valueOf(typedVersion) : null;
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("operatorId", id);
        typed.put("themes", body.values("themes"));
        model.addAttribute("themesForm", typed);
        // the version the page showed: a change made meanwhile by someone else is not overwritten unseen
        Map<String, String> headers = version == null ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
        ApiAnswer answer = api.call(HttpMethod.PUT, "/api/operators/" + id + "/themes", Map.of(), body.body(),
                headers);
        // saved: the list waits for the new version; changed meanwhile: for at least the one after the page's
        long next = answer.ok() ? answer.body().path("version").asLong(0) : version == null ? 0 : version + 1;
        return answered(answer, "themes-" + id, new Expected(id, next), model, request, response);
    }

    /** A new name, with its reason: a name registered in the wrong language could not be changed. */
    @PostMapping("/operators/{id}/name")
    String rename(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        FormJson body = FormJson.from(form).string("name").string("reason");
        String typedVersion = text(form, "version");
        Long version = typedVersion.matches("[0-9]{1,18}") ? Long.valueOf(typedVersion) : null;
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("operatorId", id);
        typed.put("name", text(form, "name"));
        typed.put("reason", text(form, "reason"));
        model.addAttribute("renameForm", typed);
        Map<String, String> headers = version == null ? Map.of() : Map.of("If-Match", "\"" + version + "\"");
        ApiAnswer answer = api.call(HttpMethod.PUT, "/api/operators/" + id + "/name", Map.of(), body.body(), headers);
        long next = answer.ok() ? answer.body().path("version").asLong(0) : version == null ? 0 : version + 1;
        return answered(answer, "rename-" + id, new Expected(id, next), model, request, response);
    }

    /** A change goes back to the list, which waits until it shows it; a refusal keeps what was typed. */
    private String answered(ApiAnswer answer, String form, Expected expected, Model model, HttpServletRequest request,
                            HttpServletResponse response) {
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", form.equals("register") ? "register" : form.startsWith("rename-") ? "rename" : "themes");
            flash.put("doneId", expected.id());
            flash.put("expect", expected.id() + "@" + expected.version());
            return "redirect:/operators";
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        Map<String, String> errors = formErrors.of(problem);
        if (problem != null && "STALE_VERSION".equals(problem.code()) && model.getAttribute("themesForm")
                instanceof Map<?, ?> typed) {
            // changed meanwhile: the form shows the themes the operator has now, not the ones chosen over them,
            // so that saving again is a choice made on what is there
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("operatorId", typed.get("operatorId"));
            current.put("themes", null);
            model.addAttribute("themesForm", current);
        }
        model.addAttribute("problem", problem);
        model.addAttribute("problemOn", form);
        model.addAttribute("errors", errors);
        String page = page(model, problem != null && "STALE_VERSION".equals(problem.code()) ? expected : null);
        response.setStatus(answer.status());
        return page;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    /** What the list must show after a change: the operator, at least at this version. */
    record Expected(String id, long version) {

        /** From the flash's {@code id@version}, which the session keeps as a string. */
        static Expected read(Object flashed) {
            if (!(flashed instanceof String text) || !text.matches("[^@]+@[0-9]{1,18}")) {
                return null;
            }
            int at = text.lastIndexOf('@');
            return new Expected(text.substring(0, at), Long.parseLong(text.substring(at + 1)));
        }

        boolean shownIn(JsonNode operators) {
            for (JsonNode operator : operators) {
                if (operator.path("id").asString("").equals(id) && operator.path("version").asLong(-1) >= version) {
                    return true;
                }
            }
            return false;
        }
    }
}
