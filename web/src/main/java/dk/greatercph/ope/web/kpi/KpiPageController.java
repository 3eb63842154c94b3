package dk.greatercph.ope.web.kpi;

import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.request.FormJson;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import dk.greatercph.ope.web.layout.PageYear;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The KPI dashboard: each operator's agreed targets against its actuals for a year (GET /api/kpis), the Chinese
 * delegations of the last five years and, for the year, per origin province — as charts drawn on the server, each
 * with a table beside it.
 */
@Controller
class KpiPageController {

    static final int YEARS = 5;

    /** What an operator is measured on, in the order the form lists them. */
    static final List<String> KINDS = Arrays.stream(KpiKind.values()).map(Enum::name).toList();

    private static final Pattern TARGET = Pattern.compile("[0-9]{1,9}");

    private final Api api;
    private final MessageSource messages;
    private final Clock clock;

    KpiPageController(Api api, MessageSource messages, Clock clock) {
        this.api = api;
        this.messages = messages;
        this.clock = clock;
    }

    /** A row of the targets table. */
    public record TargetRow(String operatorId, String operator, String kind, long target, long actual, String percent,
                            boolean reached) {
    }

    /** One operator's form of targets for the year: the agreed ones filled in, or what the desk typed. */
    public record Agreement(String operatorId, String operator, Map<String, String> targets)
            implements java.io.Serializable {
    }

    @GetMapping("/kpi")
    String kpi(@RequestParam(required = false) String year, Model model, HttpServletRequest request) {
        int shown = PageYear.asked(year, clock);
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Map<String, Object> report = flash != null && flash.get("agreed") instanceof Agreement agreed
                ? reportShowing(shown, agreed) : report(shown);
        List<TargetRow> rows = new ArrayList<>();
        List<Charts.Progress> progress = new ArrayList<>();
        List<String> withoutTargets = new ArrayList<>();
        for (Map<String, Object> operator : list(report.get("operators"))) {
            String id = String.valueOf(operator.get("operatorId"));
            String name = operator.get("name") == null ? id : operator.get("name").toString();
            List<Map<String, Object>> targets = list(operator.get("targets"));
            if (targets.isEmpty()) {
                withoutTargets.add(name);
            }
            for (Map<String, Object> target : targets) {
                String kind = String.valueOf(target.get("kind"));
                long goal = number(target.get("target"));
                long actual = number(target.get("actual"));
                rows.add(new TargetRow(id, name, kind, goal, actual, Charts.percent(actual, goal), actual >= goal));
                progress.add(new Charts.Progress(name + " · " + text("enum.KpiKind." + kind), actual, goal));
            }
        }
        List<String> years = new ArrayList<>();
        List<Long> chinese = new ArrayList<>();
        for (int y = shown - YEARS + 1; y <= shown; y++) {
            Map<String, Object> desk = y == shown ? map(report.get("desk")) : map(report(y).get("desk"));
            years.add(Integer.toString(y));
            chinese.add(number(desk.get("chineseDelegations")));
        }
        Map<String, Object> desk = map(report.get("desk"));
        List<Map.Entry<String, Object>> provinces = new ArrayList<>(map(desk.get("byOriginProvince")).entrySet());
        provinces.sort(Comparator.comparing((Map.Entry<String, Object> e) -> -number(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<String> provinceNames = provinces.stream().map(e -> "unknown".equals(e.getKey())
                ? text("kpi.province.unknown") : e.getKey()).toList();
        List<Long> provinceCounts = provinces.stream().map(e -> number(e.getValue())).toList();

        model.addAttribute("year", shown);
        model.addAttribute("previousYear", shown - 1);
        model.addAttribute("nextYear", shown + 1);
        model.addAttribute("desk", desk);
        model.addAttribute("targets", rows);
        model.addAttribute("withoutTargets", withoutTargets);
        model.addAttribute("targetChart", Charts.progress(progress));
        model.addAttribute("years", years);
        model.addAttribute("chinese", chinese);
        model.addAttribute("yearChart", Charts.columns(years, chinese));
        model.addAttribute("provinceNames", provinceNames);
        model.addAttribute("provinceCounts", provinceCounts);
        model.addAttribute("provinceChart", Charts.counts(provinceNames, provinceCounts));
        model.addAttribute("mayAgree", api.allows(HttpMethod.PUT, "/api/operators/any/kpi-targets/" + shown));
        model.addAttribute("kinds", KINDS);
        Agreement typed = model.getAttribute("typed") instanceof Agreement agreement ? agreement : null;
        List<Agreement> agreements = new ArrayList<>();
        for (Map<String, Object> operator : list(report.get("operators"))) {
            String id = String.valueOf(operator.get("operatorId"));
            if (typed != null && typed.operatorId().equals(id)) {
                agreements.add(typed);
                continue;
            }
            agreements.add(new Agreement(id, operator.get("name") == null ? id : operator.get("name").toString(),
                    targets(operator)));
        }
        model.addAttribute("agreements", agreements);
        if (flash != null && flash.get("agreed") instanceof Agreement agreed) {
            // named as the report names the operator, not as the form's hidden field said
            agreements.stream().filter(a -> a.operatorId().equals(agreed.operatorId())).findFirst()
                    .ifPresent(a -> model.addAttribute("agreed", a.operator()));
        }
        return "kpi/kpi";
    }

    /**
     * The desk agrees an operator's targets for the year (PUT /api/operators/{id}/kpi-targets/{year}, which replaces
     * an earlier agreement): every kind with a number is a target, an empty one none. A refusal shows the form again
     * with what was typed and the field it names.
     */
    @PostMapping("/kpi/targets")
    String agree(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new PageRefused(400, name); // which of them was meant: the form sends each once
            }
        });
        if (form.getFirst("year") == null || form.getFirst("year").isBlank()) {
            throw new PageRefused(400, "year"); // an agreement is for a year the form names, not for today's
        }
        int shown = PageYear.asked(form.getFirst("year"), clock);
        String operatorId = form.getFirst("operatorId") == null ? "" : form.getFirst("operatorId").strip();
        if (operatorId.isEmpty()) {
            throw new PageRefused(400, "operatorId");
        }
        Map<String, String> typed = new LinkedHashMap<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        // every figure that is no whole number, marked at once: only the first was, the others a round later
        List<String> wrong = new ArrayList<>();
        for (String kind : KINDS) {
            String value = form.getFirst(kind) == null ? "" : FormJson.ungrouped(form.getFirst(kind).strip());
            typed.put(kind, value);
            if (value.isEmpty()) {
                continue;
            }
            if (!TARGET.matcher(value).matches()) {
                wrong.add(kind);
                continue;
            }
            long target = Long.parseLong(value);
            typed.put(kind, Long.toString(target)); // as the report will show it: 007 is 7
            targets.add(Map.of("kind", kind, "target", target));
        }
        Agreement agreement = new Agreement(operatorId, form.getFirst("operator") == null ? operatorId
                : form.getFirst("operator"), typed);
        if (!wrong.isEmpty()) {
            model.addAttribute("typed", agreement);
            model.addAttribute("targetError", wrong);
            String page = kpi(Integer.toString(shown), model, request);
            response.setStatus(400);
            return page;
        }
        ApiAnswer answer = api.put("/api/operators/" + operatorId + "/kpi-targets/" + shown,
                Map.of("targets", targets));
        if (answer.ok()) {
            RequestContextUtils.getOutputFlashMap(request).put("agreed", agreement);
            return "redirect:/kpi?year=" + shown + "#targets-" + operatorId;
        }
        if (answer.status() == 403 || answer.status() == 404 || answer.status() >= 500) {
            throw new PageRefused(answer.status() >= 500 ? 500 : answer.status());
        }
        ApiAnswer.Problem problem = answer.problem();
        model.addAttribute("typed", agreement);
        model.addAttribute("targetProblem", problem);
        String page = kpi(Integer.toString(shown), model, request);
        response.setStatus(answer.status());
        return page;
    }

    /** An operator's agreed targets by kind, as the form shows them (empty where none). */
    private static Map<String, String> targets(Map<String, Object> operator) {
        Map<String, String> targets = new LinkedHashMap<>();
        KINDS.forEach(kind -> targets.put(kind, ""));
        for (Map<String, Object> target : list(operator.get("targets"))) {
            targets.put(String.valueOf(target.get("kind")), Long.toString(number(target.get("target"))));
        }
        return targets;
    }

    /** The report, right after an agreement waiting a little (at most five seconds) until it shows it. */
    private Map<String, Object> reportShowing(int year, Agreement agreed) {
        return map(api.getUntil("/api/kpis", Map.of("year", year), answer -> shows(map(answer.data()), agreed))
                .orRefuse());
    }

    private static boolean shows(Map<String, Object> report, Agreement agreed) {
        return list(report.get("operators")).stream()
                .filter(operator -> agreed.operatorId().equals(String.valueOf(operator.get("operatorId"))))
                .anyMatch(operator -> targets(operator).equals(agreed.targets()));
    }

    private Map<String, Object> report(int year) {
        return map(api.get("/api/kpis", Map.of("year", year)).orRefuse());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
