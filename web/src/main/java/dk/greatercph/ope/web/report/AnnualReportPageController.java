package dk.greatercph.ope.web.report;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.web.layout.PageYear;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.web.operator.OperatorChoices;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The committee's annual report for a year of receipt (GET /api/reports/annual/{year}), for the desk and the
 * auditors: the year's requests by sector, kind and country, the Chinese ones by province, the outcomes, the requests
 * not realised with their reasons, the operators' targets against actuals and the political trip; and the same
 * report as CSV or a spreadsheet to save, as the API writes them (the CSV as a spreadsheet in the page's language
 * reads it, {@link SpreadsheetCsv}).
 */
@Controller
class AnnualReportPageController {

    static final String PATH = "/reports/annual";

    /** The downloads this page offers: the {@code format} the API takes, and the type it answers with. */
    private static final Map<String, String> DOWNLOADS = Map.of(
            "csv", "text/csv",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Api api;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final OperatorChoices operators;

    AnnualReportPageController(Api api, Clock clock, org.springframework.context.MessageSource messages,
                               OperatorChoices operators) {
        this.messages = messages;
        this.operators = operators;
        this.api = api;
        this.clock = clock;
    }

    /** A count of a breakdown, in the order the page lists it (most first, then by name). */
    public record Count(String key, long count) {
    }

    @GetMapping(PATH)
    String annual(@RequestParam(required = false) String year, Model model) {
        int shown = PageYear.asked(year, clock);
        Map<String, Object> report = map(api.get("/api/reports/annual/" + shown).orRefuse());
        Map<String, Object> delegations = map(report.get("delegations"));
        Map<String, Object> china = map(report.get("china"));
        model.addAttribute("year", shown);
        model.addAttribute("previousYear", shown - 1);
        model.addAttribute("nextYear", shown + 1);
        model.addAttribute("delegations", delegations);
        model.addAttribute("sectors", counts(delegations.get("bySector"), false));
        model.addAttribute("types", counts(delegations.get("byType"), true));
        model.addAttribute("countries", counts(delegations.get("byCountry"), true));
        model.addAttribute("china", china);
        model.addAttribute("provinces", counts(china.get("byProvince"), true));
        model.addAttribute("outcomes", map(report.get("outcomes")));
        model.addAttribute("notRealised", map(report.get("notRealised")));
        model.addAttribute("operators", operators(report.get("operators")));
        model.addAttribute("trip", report.get("politicalTrip") instanceof Map<?, ?> trip ? trip : null);
        return "report/annual";
    }

    /** The report as the API writes it for {@code format} (csv, the default, or xlsx), as a file to save. */
    @GetMapping(PATH + "/download")
    String download(@RequestParam(required = false) String year, @RequestParam(required = false) String format,
                    HttpServletResponse response) throws IOException {
        int shown = PageYear.asked(year, clock);
        if (!api.allows(HttpMethod.GET, "/api/reports/annual/" + shown)) {
            throw new PageRefused(403);
        }
        String chosen = format == null || format.isBlank() ? "csv" : format.strip();
        String type = DOWNLOADS.get(chosen);
        if (type == null) {
            throw new PageRefused(400, "format");
        }
        // both files are made from the API's CSV, in the page's words (the spreadsheet was the API's, in English)
        ApiAnswer answer = api.call(HttpMethod.GET, "/api/reports/annual/" + shown, Map.of("format", "csv"),
                null, Map.of(HttpHeaders.ACCEPT, "text/csv, application/problem+json"));
        if (!answer.ok()) {
            throw new PageRefused(answer.status() == 401 ? 403 : answer.status());
        }
        // written here, so no view follows (null with the response taken as an argument)
        java.util.Locale locale = LocaleContextHolder.getLocale();
        java.util.function.Function<String, String> words = key -> messages.getMessage(key, null, null, locale);
        // operators by name, as the page names them (the files said "chc" where the page said its name)
        java.util.function.Function<String, String> names = operators::named;
        byte[] file = "csv".equals(chosen) ? SpreadsheetCsv.of(answer.raw(), locale, words, names)
                : SpreadsheetXlsx.of(SpreadsheetCsv.rows(answer.raw(), locale, words, names));
        String disposition = answer.header(HttpHeaders.CONTENT_DISPOSITION);
        response.setContentType("csv".equals(chosen) ? answer.contentType() : type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                disposition == null || "csv".equals(chosen) ? disposition : disposition.replace(".csv", ".xlsx"));
        response.setContentLength(file.length);
        response.getOutputStream().write(file);
        return null;
    }

    private static List<Count> counts(Object breakdown, boolean mostFirst) {
        List<Count> counts = new ArrayList<>();
        map(breakdown).forEach((key, value) -> counts.add(new Count(key, value instanceof Number n ? n.longValue() : 0)));
        if (mostFirst) {
            counts.sort(Comparator.comparingLong((Count c) -> -c.count()).thenComparing(Count::key));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * Each operator with a row for every KPI kind: its target where one is agreed, and always its actual. The page
     * showed the kinds with targets only, so an operator without agreed targets showed none of its figures, though
     * the CSV and the spreadsheet had them all.
     */
    static List<Map<String, Object>> operators(Object reported) {
        List<Map<String, Object>> operators = new java.util.ArrayList<>();
        if (!(reported instanceof List<?> list)) {
            return operators;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> operator)) {
                continue;
            }
            Map<String, Object> targets = new java.util.HashMap<>();
            if (operator.get("targets") instanceof List<?> agreed) {
                for (Object target : agreed) {
                    if (target instanceof Map<?, ?> t) {
                        targets.put(String.valueOf(t.get("kind")), t.get("target"));
                    }
                }
            }
            Map<?, ?> actuals = operator.get("actuals") instanceof Map<?, ?> a ? a : Map.of();
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (KpiKind kind : KpiKind.values()) {
                Map<String, Object> row = new java.util.HashMap<>();
                row.put("kind", kind.name());
                row.put("target", targets.get(kind.name()));
                row.put("actual", actuals.get(camel(kind.name())));
                rows.add(row);
            }
            Map<String, Object> shown = new java.util.HashMap<>();
            shown.put("operatorId", operator.get("operatorId"));
            shown.put("name", operator.get("name"));
            shown.put("rows", rows);
            operators.add(shown);
        }
        return operators;
    }

    /** {@code DELEGATIONS_HANDLED} as the actuals name it, {@code delegationsHandled}. */
    private static String camel(String kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
