package dk.greatercph.ope.web.imports;

import dk.greatercph.ope.platform.upload.UploadFolder;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The history import as the desk does it: upload a CSV file, read the dry run's report (every refused line and why),
 * then apply the same file and follow the real run's progress to its report. The file goes to POST /api/imports as
 * its body (text/csv), exactly as an API client sends it.
 */
@Controller
class ImportPageController {

    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv");

    private final Api api;
    private final UploadFolder uploads;
    private final MessageSource messages;

    ImportPageController(Api api, UploadFolder uploads, MessageSource messages) {
        this.messages = messages;
        this.api = api;
        this.uploads = uploads;
    }

    @GetMapping("/imports")
    String form(Model model, HttpServletResponse response) {
        if (!api.allows(HttpMethod.POST, "/api/imports")) {
            return forbidden(model, response);
        }
        return "imports/imports";
    }

    @PostMapping("/imports")
    String dryRun(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, HttpSession session) throws IOException {
        if (!api.allows(HttpMethod.POST, "/api/imports")) {
            return forbidden(model, response);
        }
        if (file == null || file.isEmpty()) {
            // a chosen file that is empty was told to choose a file
            response.setStatus(400);
            model.addAttribute("fileError", file == null || file.getOriginalFilename() == null
                    || file.getOriginalFilename().isBlank() ? "import.file.missing" : "import.file.empty");
            return "imports/imports";
        }
        if (spreadsheet(file)) {
            // an .xlsx was refused as "not UTF-8 text": the desk was sent looking for an encoding
            response.setStatus(400);
            model.addAttribute("fileError", "import.file.spreadsheet");
            return "imports/imports";
        }
        // on disk, not in memory: a file near the 64 MB limit, or a few at once, would otherwise take the heap
        Path upload = PendingImports.receive(file, uploads);
        boolean kept = false;
        try {
            ApiAnswer answer = api.call(HttpMethod.POST, "/api/imports", Map.of("dryRun", "true"), upload, CSV);
            if (answer.ok()) {
                String id = answer.body().path("id").asString();
                PendingImports.of(session).keep(id, upload);
                kept = true;
                return "redirect:/imports/" + id;
            }
            if (answer.status() == 403) {
                return forbidden(model, response);
            }
            response.setStatus(answer.status() == 413 ? 413 : 400);
            model.addAttribute("problem", answer.problem());
            model.addAttribute("fileMessage", fileMessage(answer.problem()));
            return "imports/imports";
        } finally {
            if (!kept) {
                PendingImports.delete(upload);
            }
        }
    }

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)");

    /**
     * What is wrong with the file, beside its field, in the page's language: the API says it in English ("has no
     * header line naming its columns"), which the Danish page showed. The column or line the API names is kept.
     */
    private String fileMessage(ApiAnswer.Problem problem) {
        Locale locale = LocaleContextHolder.getLocale();
        String own = messages.getMessage("import.problem." + problem.code(), null, null, locale);
        if (own == null) {
            String file = problem.field("file");
            return file != null ? file : problem.field("line") != null ? problem.field("line") : problem.detail();
        }
        StringBuilder message = new StringBuilder(own);
        if ((problem.code().equals("UNKNOWN_COLUMN") || problem.code().equals("DUPLICATE_COLUMN"))
                && !problem.fields().isEmpty()) {
            message.append(' ').append(messages.getMessage("import.problem.column",
                    new Object[]{problem.fields().get(0).field()}, locale));
        }
        Matcher line = LINE.matcher(problem.fields().stream().map(ApiAnswer.FieldError::message)
                .collect(Collectors.joining(" ")) + " " + problem.detail());
        if (line.find()) {
            message.append(' ').append(messages.getMessage("import.problem.line", new Object[]{line.group(1)}, locale));
        }
        return message.toString();
    }

    /** An Excel workbook (a zip, .xlsx, or the older compound file, .xls) rather than the CSV saved from it. */
    private static boolean spreadsheet(MultipartFile file) throws IOException {
        byte[] head = new byte[4];
        int read;
        try (var in = file.getInputStream()) {
            read = in.readNBytes(head, 0, head.length);
        }
        boolean zip = read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean compound = read == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
        return zip || compound;
    }

    @GetMapping("/imports/{id}")
    String run(@PathVariable String id, @RequestParam(required = false) String after, Model model,
               HttpSession session) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("after", after);
        query.put("limit", 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) api.get("/api/imports/" + id, query).orRefuse();
        model.addAttribute("run", run);
        model.addAttribute("refusedLines", refused(run));
        model.addAttribute("after", after);
        boolean done = "DONE".equals(run.get("state"));
        boolean tried = done && Boolean.TRUE.equals(run.get("dryRun")) && api.allows(HttpMethod.POST, "/api/imports");
        model.addAttribute("mayApply", tried && PendingImports.of(session).holds(id));
        // a dry run tried in another session (or before signing in again): its file is not kept here, and the page
        // offered nothing and said nothing
        model.addAttribute("fileNotHere", tried && !PendingImports.of(session).holds(id));
        return "imports/run";
    }

    @PostMapping("/imports/{id}/apply")
    String apply(@PathVariable String id, Model model, HttpServletResponse response, HttpSession session) {
        PendingImports pending = PendingImports.of(session);
        // taken, so that a second press of the button while this one runs finds nothing to apply
        Path file = pending.take(id);
        if (file == null) {
            // pressed again (or Back, then pressed): the import it started, not "choose the file again"
            String started = pending.appliedAs(id, Duration.ofSeconds(10));
            if (started != null) {
                return "redirect:/imports/" + started;
            }
            response.setStatus(409);
            model.addAttribute("gone", true);
            return run(id, null, model, session);
        }
        boolean applied = false;
        try {
            ApiAnswer answer = api.call(HttpMethod.POST, "/api/imports", Map.of(), file, CSV);
            if (answer.ok()) {
                applied = true;
                String started = answer.body().path("id").asString();
                pending.applied(id, started);
                return "redirect:/imports/" + started;
            }
            answer.orRefuse();
            return "redirect:/imports/" + id;
        } finally {
            if (applied) {
                PendingImports.delete(file);
            } else {
                pending.keep(id, file); // refused (the database away, …): the same file may be applied again
                pending.notApplied(id);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> refused(Map<String, Object> run) {
        Object lines = run.get("lines");
        if (!(lines instanceof List<?> list)) {
            return List.of();
        }
        return ((List<Map<String, Object>>) list).stream().filter(line -> "REFUSED".equals(line.get("outcome"))).toList();
    }

    private static String forbidden(Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        return "error/problem";
    }
}
