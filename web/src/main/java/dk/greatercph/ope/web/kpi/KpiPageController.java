package dk.greatercph.ope.web.kpi;

import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.PageRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The KPI dashboard: each operator's agreed targets against its actuals for a year (GET /api/kpis), the Chinese
 * delegations of the last five years and, for the year, per origin province — as charts drawn on the server, each
 * with a table beside it.
 */
@Controller
class KpiPageController {

    static final int YEARS = 5;

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

    @GetMapping("/kpi")
    String kpi(@RequestParam(required = false) String year, Model model) {
        int shown;
        if (year == null || year.isBlank()) {
            shown = Year.now(clock.withZone(OpeTime.COPENHAGEN)).getValue();
        } else if (year.strip().matches("\\d{4}")) {
            shown = Integer.parseInt(year.strip());
        } else {
            throw new PageRefused(400, "year");
        }
        Map<String, Object> report = report(shown);
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
                progress.add(new Charts.Progress(id + " · " + text("enum.KpiKind." + kind), actual, goal));
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
        return "kpi/kpi";
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
