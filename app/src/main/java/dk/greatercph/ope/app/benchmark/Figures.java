package dk.greatercph.ope.app.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's table: each figure with what raw PostgreSQL did beside it, the ratio, the target and the verdict. */
final class Figures {

    private record Row(String figure, String measured, String raw, String ratio, String target, boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String figure, String measured, String raw, String ratio, String target, boolean met) {
        rows.add(new Row(figure, measured, raw, ratio, target, met));
    }

    void print() {
        String format = "%-44s %-34s %-16s %-8s %-24s %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "figure", "measured", "raw PostgreSQL", "ratio", "target", "met");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, row.figure, row.measured, row.raw, row.ratio, row.target,
                    row.met ? "yes" : "NO");
        }
        System.out.println();
    }

    /** One line to grep: how many targets were met, and which were not. */
    String summary() {
        long met = rows.stream().filter(Row::met).count();
        List<String> missed = rows.stream().filter(row -> !row.met).map(row -> row.figure + " " + row.measured
                + (row.ratio.isEmpty() ? "" : " (" + row.ratio + ")") + " vs " + row.target).toList();
        return "SUMMARY: " + met + " of " + rows.size() + " targets met"
                + (missed.isEmpty() ? "" : "; not met: " + String.join("; ", missed));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f×", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
