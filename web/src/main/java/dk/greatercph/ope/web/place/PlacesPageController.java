package dk.greatercph.ope.web.place;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
import dk.greatercph.ope.web.api.PageRefused;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The venues and partners a programme item is planned with: every role that plans items sees them, and the desk
 * registers new ones and corrects those registered (a misspelt name was there for good). Without this page a new
 * installation offered no venue in the programme editor, and no item could be planned from the pages.
 */
@Controller
class PlacesPageController {

    static final List<String> VENUE_KINDS = List.of("OTHER", "HOSPITAL", "MUNICIPALITY", "COMPANY", "UNIVERSITY");
    static final List<String> PARTNER_KINDS = List.of("COMPANY", "HOSPITAL", "MUNICIPALITY", "UNIVERSITY",
            "ORGANISATION");

    private final Api api;
    private final FormErrors formErrors;

    PlacesPageController(Api api, FormErrors formErrors) {
        this.api = api;
        this.formErrors = formErrors;
    }

    @GetMapping("/places")
    String places(Model model, HttpServletRequest request) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object expected = flash == null ? null : flash.get("expectId");
        model.addAttribute("venues", listed("/api/venues", expected));
        model.addAttribute("partners", listed("/api/partners", expected));
        model.addAttribute("mayRegister", api.allows(HttpMethod.POST, "/api/venues"));
        model.addAttribute("mayCorrect", api.allows(HttpMethod.PUT, "/api/venues/any"));
        model.addAttribute("venueKinds", VENUE_KINDS);
        model.addAttribute("partnerKinds", PARTNER_KINDS);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "place/places";
    }

    @PostMapping("/places/venues")
    String registerVenue(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        FormJson body = FormJson.from(form).string("name").string("address").integer("capacity").string("kind");
        model.addAttribute("venueForm", typed(form, "name", "address", "capacity", "kind"));
        return answered(api.post("/api/venues", body.body()), "venue", model, request, response);
    }

    @PostMapping("/places/partners")
    String registerPartner(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        FormJson body = FormJson.from(form).string("name").string("kind");
        if ("true".equals(form.getFirst("hospital"))) {
            body.put("hospital", true);
        }
        model.addAttribute("partnerForm", typed(form, "name", "kind", "hospital"));
        return answered(api.post("/api/partners", body.body()), "partner", model, request, response);
    }

    @GetMapping("/places/venues/{id}")
    String venueCorrection(@PathVariable String id, Model model) {
        return correction("venues", id, model);
    }

    @GetMapping("/places/partners/{id}")
    String partnerCorrection(@PathVariable String id, Model model) {
        return correction("partners", id, model);
    }

    @PostMapping("/places/venues/{id}")
    String correctVenue(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        return correct("venues", id, form, model, request, response);
    }

    @PostMapping("/places/partners/{id}")
    String correctPartner(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        return correct("partners", id, form, model, request, response);
    }

    /** A venue or partner's correction form, filled with what is registered: only for those who may correct it. */
    private String correction(String kind, String id, Model model) {
        String path = "/api/" + kind + "/" + id;
        if (!api.allows(HttpMethod.PUT, path)) {
            throw new PageRefused(403);
        }
        Map<?, ?> place = (Map<?, ?>) api.get(path).orRefuse();
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String field : List.of("name", "address", "capacity", "kind", "hospital", "version")) {
                form.put(field, place.get(field) == null ? "" : String.valueOf(place.get(field)));
            }
            form.put("reason", "");
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("place", place);
        model.addAttribute("venueKinds", VENUE_KINDS);
        model.addAttribute("partnerKinds", PARTNER_KINDS);
        return "place/correct";
    }

    /** Corrects the venue or partner as the form says, at the version the form showed. */
    private String correct(String kind, String id, MultiValueMap<String, String> form, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        boolean venue = kind.equals("venues");
        FormJson body = venue
                ? FormJson.from(form).string("name").string("address").integer("capacity").string("kind")
                : FormJson.from(form).string("name").string("kind");
        if (!venue && "true".equals(form.getFirst("hospital"))) {
            body.put("hospital", true);
        }
        body.string("reason");
        String version = form.getFirst("version");
        Map<String, String> headers = version != null && version.matches("\\d{1,18}")
                ? Map.of("If-Match", "\"" + version + "\"") : Map.of();
        ApiAnswer answer = api.call(HttpMethod.PUT, "/api/" + kind + "/" + id, Map.of(), body.body(), headers);
        if (answer.ok()) {
            // the list is read once the view has the correction (at most five seconds): it showed the old name
            api.get("/api/" + kind + "/" + id, Map.of("minVersion", answer.body().path("version").asLong(0)));
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", venue ? "venueCorrected" : "partnerCorrected");
            return "redirect:/places";
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        model.addAttribute("form", typed(form, "name", "address", "capacity", "kind", "hospital", "version", "reason"));
        model.addAttribute("errors", formErrors.of(problem));
        model.addAttribute("problem", problem);
        String page = correction(kind, id, model);
        response.setStatus(answer.status());
        return page;
    }

    /** A registration goes back to the list, which waits until it shows the new row; a refusal keeps what was typed. */
    private String answered(ApiAnswer answer, String form, Model model, HttpServletRequest request,
                            HttpServletResponse response) {
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", form);
            String id = answer.body() == null ? "" : answer.body().path("id").asString("");
            flash.put("expectId", id.isEmpty() ? null : id);
            return "redirect:/places";
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        Map<String, String> errors = formErrors.of(problem);
        model.addAttribute("problem", problem);
        model.addAttribute("problemOn", form);
        model.addAttribute("errors", errors);
        String page = places(model, request);
        response.setStatus(answer.status());
        return page;
    }

    /** The list; right after a registration, waits a little (at most five seconds) until it shows the new one. */
    private Object listed(String path, Object expectedId) {
        boolean waits = expectedId != null && path.equals(pathOf(expectedId));
        return api.getUntil(path, Map.of(), answer -> !waits
                || answer.body().toString().contains("\"" + expectedId + "\"")).orRefuse();
    }

    private static String pathOf(Object id) {
        return id.toString().startsWith("VEN-") ? "/api/venues" : "/api/partners";
    }

    private static Map<String, String> typed(MultiValueMap<String, String> form, String... names) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : names) {
            String value = form.getFirst(name);
            typed.put(name, value == null ? "" : value);
        }
        return typed;
    }
}
