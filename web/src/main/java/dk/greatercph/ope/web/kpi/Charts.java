package dk.greatercph.ope.web.kpi;

import org.springframework.context.i18n.LocaleContextHolder;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn on the server as SVG geometry (templates write the {@code <rect>} and {@code <text>} elements with
 * presentation attributes; the Content-Security-Policy allows no inline style and no script is needed). Every chart
 * has a data table beside it that says the same in words and numbers.
 */
final class Charts {

    static final int LABEL_WIDTH = 330;

    /** Labels longer than this are shortened with an ellipsis (the table beside says them in full). */
    static final int LABEL_CHARS = 48;
    static final int BAR_AREA = 300;
    static final int ROW = 30;
    static final double MAX_SHARE = 1.5;

    private Charts() {
    }

    /** One bar: where it is drawn, its label, the value written beside it and the tooltip ({@code <title>}). */
    public record Bar(String label, String value, String title, int x, int y, int width, int height, int labelX,
                      int labelY, int valueX, int valueY, boolean reached) {
    }

    /** A drawn chart: its size, its bars, and (for progress charts) where the 100 % mark is. */
    public record Chart(int width, int height, List<Bar> bars, Integer markX, int axisY) {
    }

    /** A row of a progress chart: how much of a target was reached. */
    record Progress(String label, long actual, long target) {
    }

    /** Horizontal bars of actual / target, with a mark at 100 %; bars beyond 150 % stop there. */
    static Chart progress(List<Progress> rows) {
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Progress row : rows) {
            double share = row.target() <= 0 ? (row.actual() > 0 ? MAX_SHARE : 0)
                    : Math.min(MAX_SHARE, (double) row.actual() / row.target());
            int width = (int) Math.round(share / MAX_SHARE * BAR_AREA);
            String percent = row.target() <= 0 ? "" : " (" + percentOf(Math.round(100.0 * row.actual() / row.target())) + ")";
            String value = number(row.actual()) + " / " + number(row.target()) + percent;
            bars.add(new Bar(shortened(row.label()), value, row.label() + ": " + value, LABEL_WIDTH, y + 4, Math.max(width, 1),
                    ROW - 10, LABEL_WIDTH - 8, y + ROW / 2 + 4, LABEL_WIDTH + Math.max(width, 1) + 6,
                    y + ROW / 2 + 4, row.actual() >= row.target()));
            y += ROW;
        }
        int mark = LABEL_WIDTH + (int) Math.round(1 / MAX_SHARE * BAR_AREA);
        return new Chart(LABEL_WIDTH + BAR_AREA + 110, y + 26, bars, mark, y + 4);
    }

    /** Horizontal bars of counts (e.g. delegations per province), longest first as given. */
    static Chart counts(List<String> labels, List<Long> values) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (int i = 0; i < labels.size(); i++) {
            long value = values.get(i);
            int width = (int) Math.round((double) value / max * BAR_AREA);
            bars.add(new Bar(shortened(labels.get(i)), number(value), labels.get(i) + ": " + number(value), LABEL_WIDTH, y + 4,
                    Math.max(width, 1), ROW - 10, LABEL_WIDTH - 8, y + ROW / 2 + 4, LABEL_WIDTH + Math.max(width, 1) + 6,
                    y + ROW / 2 + 4, true));
            y += ROW;
        }
        return new Chart(LABEL_WIDTH + BAR_AREA + 60, y + 10, bars, null, y + 4);
    }

    /** Vertical bars of counts per year, oldest first. */
    static Chart columns(List<String> labels, List<Long> values) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        int height = 180;
        int column = 64;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long value = values.get(i);
            int h = Math.max(1, (int) Math.round((double) value / max * height));
            int x = 20 + i * (column + 16);
            int top = 30 + height - h;
            bars.add(new Bar(labels.get(i), number(value), labels.get(i) + ": " + number(value), x, top, column, h,
                    x + column / 2, 30 + height + 20, x + column / 2, top - 6, true));
        }
        return new Chart(40 + labels.size() * (column + 16), 30 + height + 32, bars, null, 30 + height);
    }

    /** A count as the page's language writes it: 25.000 in Danish, 25,000 in English (it was 25000 in both). */
    static String number(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    static String shortened(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }

    static String percent(long actual, long target) {
        return target <= 0 ? "—" : percentOf(Math.round(100.0 * actual / target));
    }

    /**
     * A percentage as the page's language writes it: "70 %" and "7.500 %" in Danish, "70%" and "7,500%" in English
     * (a target far exceeded read "7500 %", where every other figure had its thousands separated).
     */
    static String percentOf(long value) {
        Locale locale = LocaleContextHolder.getLocale();
        String number = java.text.NumberFormat.getIntegerInstance(locale).format(value);
        return "en".equals(locale.getLanguage()) ? number + "%" : number + " %";
    }
}
