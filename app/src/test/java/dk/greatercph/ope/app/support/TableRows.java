package dk.greatercph.ope.app.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of some tables as text, to say which rows a rebuilt view has that it did not have before, and back. */
public record TableRows(Map<String, List<String>> rows) {

    /** Every row of each table, as PostgreSQL writes a row as text, in text order. */
    public static TableRows of(JdbcClient jdbc, Collection<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        tables.stream().sorted().forEach(table -> rows.put(table,
                jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY 1").query(String.class).list()));
        return new TableRows(rows);
    }

    /** Per table, up to five rows only here and up to five only in {@code after}: what a failure needs to be read. */
    public String differences(TableRows after) {
        StringBuilder text = new StringBuilder("rows that differ afterwards:");
        rows.forEach((table, before) -> {
            List<String> now = after.rows().getOrDefault(table, List.of());
            List<String> gone = before.stream().filter(row -> !now.contains(row)).limit(5).toList();
            List<String> added = now.stream().filter(row -> !before.contains(row)).limit(5).toList();
            if (!gone.isEmpty() || !added.isEmpty()) {
                text.append("\n").append(table).append(": before ").append(gone).append("\n  after ").append(added);
            }
        });
        return text.toString();
    }
}
