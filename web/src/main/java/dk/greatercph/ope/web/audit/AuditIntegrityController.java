package dk.greatercph.ope.web.audit;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tamper evidence for auditors: recompute the hash chain, fetch a signed checkpoint to keep, check a kept one, and
 * download the log as NDJSON. Results are said in words; the API does the work.
 */
@Controller
class AuditIntegrityController {

    static final String NDJSON = "application/x-ndjson";

    private final Api api;

    AuditIntegrityController(Api api) {
        this.api = api;
    }

    /** The page; {@code verify} runs the chain check, {@code checkpoint} fetches a signed checkpoint. */
    @GetMapping("/audit/integrity")
    String integrity(@RequestParam(required = false) String verify, @RequestParam(required = false) String checkpoint,
                     Model model) {
        if (!api.allows(HttpMethod.GET, "/api/audit/verify")) {
            throw new PageRefused(403);
        }
        if (verify != null) {
            model.addAttribute("verification", api.get("/api/audit/verify").orRefuse());
        }
        if (checkpoint != null) {
            ApiAnswer fetched = api.get("/api/audit/checkpoint");
            fetched.orRefuse();
            model.addAttribute("kept", fetched.body().toPrettyString());
        }
        return page(model);
    }

    /** Checks a checkpoint: the one just fetched, or one pasted in. */
    @PostMapping("/audit/integrity/checkpoint")
    String check(@RequestParam(required = false) String kept, Model model, HttpServletResponse response) {
        String text = kept == null ? "" : kept.strip();
        model.addAttribute("kept", text);
        ApiAnswer answer = api.ask("/api/audit/checkpoint/verification", Map.of(),
                text.getBytes(StandardCharsets.UTF_8), Map.of(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE));
        if (answer.ok()) {
            model.addAttribute("checked", answer.data());
        } else if (answer.status() == 403) {
            throw new PageRefused(403);
        } else {
            response.setStatus(answer.status() >= 500 ? 500 : answer.status());
            model.addAttribute("checkProblem", answer.problem());
        }
        return page(model);
    }

    /** The log (or a time range of it) as the API exports it, as a file to save; the address holds only dates. */
    @GetMapping("/audit/export")
    String export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  Model model, HttpServletResponse response) throws IOException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("from", Moments.forApi(from));
        query.put("to", Moments.forApi(to));
        ApiAnswer answer = api.call(HttpMethod.GET, "/api/audit/export", query, null,
                Map.of(HttpHeaders.ACCEPT, NDJSON + ", application/problem+json"));
        if (answer.ok()) {
            // written here, so no view follows (null with the response taken as an argument)
            response.setContentType(NDJSON + ";charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("ope-events.ndjson").build().toString());
            response.setContentLength(answer.raw().length);
            response.getOutputStream().write(answer.raw());
            return null;
        }
        if (answer.status() != 400) {
            throw new PageRefused(answer.status());
        }
        response.setStatus(400);
        model.addAttribute("exportProblem", answer.problem());
        model.addAttribute("exportFrom", from);
        model.addAttribute("exportTo", to);
        return page(model);
    }

    private String page(Model model) {
        return "audit/integrity";
    }
}
