package dk.greatercph.ope.web.notification;

import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.FormErrors;
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
import java.util.Set;

/**
 * Who of an operator (or the desk) is told by e-mail and which webhooks receive signed notifications. An operator
 * sees its own settings; the desk its own and, through a picker, any operator's. A webhook's secret is shown once,
 * on the page after it was issued, and never in an address.
 */
@Controller
class NotificationSettingsPageController {

    static final String DESK = "desk";

    /** Refusals without a field that are plainly about one. */
    static final Map<String, String> CODE_FIELDS = Map.ofEntries(
            Map.entry("RECIPIENT_EXISTS", "address"),
            Map.entry("TOO_MANY_RECIPIENTS", "address"),
            Map.entry("WEBHOOK_EXISTS", "url"),
            Map.entry("TOO_MANY_WEBHOOKS", "url"),
            Map.entry("WEBHOOK_URL_INVALID", "url"),
            Map.entry("WEBHOOK_URL_NOT_HTTPS", "url"),
            Map.entry("WEBHOOK_URL_UNRESOLVABLE", "url"),
            Map.entry("WEBHOOK_URL_FORBIDDEN_ADDRESS", "url"));

    private static final Set<String> LANGUAGES = Set.of("da", "en");

    private final Api api;
    private final FormErrors formErrors;

    NotificationSettingsPageController(Api api, FormErrors formErrors) {
        this.api = api;
        this.formErrors = formErrors;
    }

    @GetMapping("/notifications")
    String settings(@RequestParam(required = false) String owner, Model model, HttpServletRequest request) {
        String shown = ownerOrOwn(owner);
        Object data = settingsAfter(shown, RequestContextUtils.getInputFlashMap(request));
        model.addAttribute("settings", data);
        model.addAttribute("owner", shown);
        model.addAttribute("mayChange", api.allows(HttpMethod.POST, settingsPath(shown) + "/recipients"));
        boolean operator = CurrentUser.current().map(CurrentUser::isOperator).orElse(true);
        if (!operator && api.allows(HttpMethod.GET, "/api/operators")) {
            ApiAnswer operators = api.get("/api/operators");
            model.addAttribute("operators", operators.ok() ? operators.data() : List.of());
        }
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "notification/settings";
    }

    @PostMapping("/notifications/recipients")
    String addRecipient(@RequestParam(required = false) String owner, @RequestParam(required = false) String address,
                        @RequestParam(required = false) String language, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        String shown = ownerOrOwn(owner);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!blank(address)) {
            body.put("address", address.strip());
        }
        if (!blank(language)) {
            body.put("language", language.strip());
        }
        ApiAnswer answer = api.post(settingsPath(shown) + "/recipients", body);
        model.addAttribute("recipientForm", Map.of("address", address == null ? "" : address,
                "language", language != null && LANGUAGES.contains(language) ? language : "da"));
        return answered(answer, shown, "recipientAdded", "present", idOf(answer), "recipient", model, request, response);
    }

    @PostMapping("/notifications/recipients/{recipientId}/removal")
    String removeRecipient(@PathVariable String recipientId, @RequestParam(required = false) String owner, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        String shown = ownerOrOwn(owner);
        ApiAnswer answer = api.delete(settingsPath(shown) + "/recipients/" + recipientId);
        return answered(answer, shown, "recipientRemoved", "absent", recipientId, recipientId, model, request, response);
    }

    @PostMapping("/notifications/webhooks")
    String subscribe(@RequestParam(required = false) String owner, @RequestParam(required = false) String url,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        String shown = ownerOrOwn(owner);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!blank(url)) {
            body.put("url", url.strip());
        }
        ApiAnswer answer = api.post(settingsPath(shown) + "/webhooks", body);
        model.addAttribute("webhookForm", Map.of("url", url == null ? "" : url));
        return answered(answer, shown, "webhookSubscribed", "present", idOf(answer), "webhook", model, request, response);
    }

    @PostMapping("/notifications/webhooks/{webhookId}/rotation")
    String rotate(@PathVariable String webhookId, @RequestParam(required = false) String owner, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        String shown = ownerOrOwn(owner);
        ApiAnswer answer = api.post(settingsPath(shown) + "/webhooks/" + webhookId + "/secret-rotation", null);
        return answered(answer, shown, "secretRotated", "present", webhookId, webhookId, model, request, response);
    }

    @PostMapping("/notifications/webhooks/{webhookId}/removal")
    String unsubscribe(@PathVariable String webhookId, @RequestParam(required = false) String owner, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        String shown = ownerOrOwn(owner);
        ApiAnswer answer = api.delete(settingsPath(shown) + "/webhooks/" + webhookId);
        return answered(answer, shown, "webhookUnsubscribed", "absent", webhookId, webhookId, model, request, response);
    }

    /**
     * A success redirects to the settings (with the new secret, if any, in the flash: in the session, never in the
     * address); a refusal shows the settings again with the refusal at the top and beside its field.
     */
    private String answered(ApiAnswer answer, String owner, String done, String expectation, String id, String on,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (answer.ok()) {
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("done", done);
            flash.put("expect", expectation);
            flash.put("expectId", id);
            if (answer.body() != null && answer.body().has("secret")) {
                flash.put("secret", answer.body().get("secret").asString());
                flash.put("secretFor", id);
                flash.put("expectSecretVersion", answer.body().get("secretVersion").asInt());
            }
            String target = UriComponentsBuilder.fromPath("/notifications").queryParam("owner", owner)
                    .encode().build().toUriString();
            if (request.getHeader("HX-Request") != null) {
                RequestContextUtils.saveOutputFlashMap(target, request, response);
                response.setHeader("HX-Redirect", request.getContextPath() + target);
                return "notification/settings :: nothing";
            }
            return "redirect:" + target;
        }
        ApiAnswer.Problem problem = answer.formRefusal();
        model.addAttribute("problem", problem);
        model.addAttribute("problemOn", on);
        model.addAttribute("errors", fieldErrors(problem));
        String page = settings(owner, model, request);
        response.setStatus(answer.status());
        return page;
    }

    /** Field → the API's words for it (in the page's language), or the refusal's plain words for a code about it. */
    Map<String, String> fieldErrors(ApiAnswer.Problem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem == null) {
            return errors;
        }
        // a rule's refusal in the page's words: since the rules name their field, the API's English stood beside it
        errors.putAll(formErrors.of(problem));
        String field = CODE_FIELDS.get(problem.code());
        if (field != null) {
            errors.putIfAbsent(field, "");
        }
        return errors;
    }

    /**
     * The settings as the API shows them; right after a change, waits a little (at most five seconds) for the
     * settings view to show it, so the page after a change shows the change.
     */
    private Object settingsAfter(String owner, Map<String, ?> flash) {
        Object expect = flash == null ? null : flash.get("expect");
        Object id = flash == null ? null : flash.get("expectId");
        Object secretVersion = flash == null ? null : flash.get("expectSecretVersion");
        return api.getUntil(settingsPath(owner), Map.of(), answer -> expect == null || id == null
                || shows(answer, id.toString(), "present".equals(expect), secretVersion)).orRefuse();
    }

    /** Whether the settings show the change: the part there (with the secret version issued) or gone. */
    private static boolean shows(ApiAnswer settings, String id, boolean present, Object secretVersion) {
        boolean there = settings.body().get("recipients").valueStream().anyMatch(r -> id.equals(r.get("id").asString()))
                || settings.body().get("webhooks").valueStream().anyMatch(w -> id.equals(w.get("id").asString())
                && (secretVersion == null || w.get("secretVersion").asInt() >= (Integer) secretVersion));
        return there == present;
    }

    /** The owner asked for, else the user's own: an operator's id, or the desk's settings for everybody else. */
    private static String ownerOrOwn(String owner) {
        if (!blank(owner)) {
            return owner.strip();
        }
        return CurrentUser.current().filter(CurrentUser::isOperator).map(CurrentUser::operatorId).orElse(DESK);
    }

    private static String settingsPath(String owner) {
        return "/api/notification-settings/" + owner;
    }

    private static String idOf(ApiAnswer answer) {
        return answer.ok() && answer.body() != null && answer.body().has("id") ? answer.body().get("id").asString() : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
