package dk.greatercph.ope.web.request;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.List;

/**
 * The desk's form for an incoming request: every field of the API's registration, sent as the API's JSON. A
 * registered request opens its delegation page (read-your-writes); a refused one comes back with the refusal in
 * words at the top, each field's error beside it, and everything the desk typed kept. The same form sent twice (a
 * double click, the browser sending it again) registers one delegation and opens it ({@code FormKeys}).
 */
@Controller
class RequestFormController {

    static final String PATH = "/requests/new";

    /** The registration's fields, in the order of {@code RegisterDelegationRequest}. */
    static final List<String> FIELDS = List.of("channel", "requestingOrganisation", "originProvince", "originCity",
            "delegationType", "politicalLevel", "headCount", "wishedFrom", "wishedTo", "themes", "purpose",
            "businessOpportunity", "country", "dateReceived");

    private final Api api;
    private final FormErrors errors;

    RequestFormController(Api api, FormErrors errors) {
        this.api = api;
        this.errors = errors;
    }

    @GetMapping(PATH)
    String form(Model model) {
        if (!api.allows(HttpMethod.POST, "/api/delegations")) {
            throw new dk.greatercph.ope.web.api.PageRefused(403);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("country", "CN");
        model.addAttribute("form", form);
        model.addAttribute("errors", java.util.Map.of());
        return "request/new";
    }

    @PostMapping(PATH)
    String sent(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
                HttpServletResponse response, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        String target = register(form, model, response, htmx);
        if (!target.startsWith("/delegations/")) {
            return target;
        }
        // the new delegation's page says it was registered, as every other action's page says it was done
        RequestContextUtils.getOutputFlashMap(request).put("done", "registration");
        if (htmx != null) {
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            response.setHeader("HX-Redirect", target);
            return "request/new :: nothing";
        }
        return "redirect:" + target;
    }

    /** Registers the request: the new delegation's page address, or the view of the refused form. */
    private String register(MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                            String htmx) {
        FormJson json = FormJson.from(form);
        json.string("channel").string("requestingOrganisation").string("originProvince").string("originCity")
                .string("delegationType").string("politicalLevel").integer("headCount")
                .string("wishedFrom").string("wishedTo").list("themes").string("purpose")
                .string("businessOpportunity").put("country", upper(json.text("country"))).string("dateReceived");
        ApiAnswer answer = api.post("/api/delegations", json.body());
        if (answer.ok()) {
            String id = answer.body().path("id").asString();
            return "/delegations/" + id + "?minVersion=" + answer.body().path("version").asLong(0);
        }
        if (answer.status() == 403 || answer.status() == 401) {
            throw new dk.greatercph.ope.web.api.PageRefused(403);
        }
        response.setStatus(answer.status());
        model.addAttribute("form", form);
        model.addAttribute("refusal", answer.problem());
        model.addAttribute("errors", errors.of(answer));
        return htmx != null ? "request/new :: requestForm" : "request/new";
    }

    private static String upper(String country) {
        return country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
