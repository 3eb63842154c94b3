package dk.greatercph.ope.query.delegation;

import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes folded rows ({@link BoardFold}) into their tables with PostgreSQL's {@code COPY}, in its text format, as
 * {@code delegation_board_insert_new} (V230) inserts them from JSON: every column of the table, a field the row lacks
 * or holds as null written as null.
 * <p>
 * Why: PostgreSQL parsed each row's JSON and looked up every column in it, then inserted row by row; {@code COPY}
 * reads the columns' text as it comes and inserts many rows per step. On the rows of a default-size benchmark, 20,000
 * board rows took 1.8–2.1 s of PostgreSQL from JSON and 0.31–0.32 s by {@code COPY}; 60,000 programme items 1.8–2.2 s
 * and 0.24–0.25 s (docs/performance.md, "The folded rows by COPY").
 * <p>
 * A value becomes the text {@code jsonb_populate_recordset} would give its column: a JSON text as it is, a number or a
 * flag as written, a JSON array as an array literal for an array column, and any value as its JSON for a
 * {@code jsonb} column. V230 orders the operators who see a delegation by the database's collation; {@link #ordersByCodePoint}
 * says whether that is the order of the characters' code points, which is what {@link #BY_CODE_POINT} sorts by.
 */
final class BoardCopy {

    /** Texts in the order of their code points: the order of a database whose collation is "C" or builtin. */
    static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private enum Kind { TEXT, ARRAY, JSON }

    private record Column(String name, Kind kind) {
    }

    private final JsonMapper json;
    private final boolean ordersByCodePoint;
    private final Map<String, List<Column>> tables;

    private BoardCopy(JsonMapper json, boolean ordersByCodePoint, Map<String, List<Column>> tables) {
        this.json = json;
        this.ordersByCodePoint = ordersByCodePoint;
        this.tables = tables;
    }

    /** Reads the tables' columns, in their order, and the database's collation. */
    static BoardCopy describe(Connection connection, JsonMapper json, List<String> tables) throws SQLException {
        boolean byCodePoint;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pg_encoding_to_char(encoding) = 'UTF8'
                       AND (datlocprovider = 'b' OR (datlocprovider = 'c' AND datcollate IN ('C', 'POSIX')))
                FROM pg_database WHERE datname = current_database()""");
             ResultSet result = statement.executeQuery()) {
            byCodePoint = result.next() && result.getBoolean(1);
        }
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT a.attname, t.typcategory, t.typname
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                WHERE a.attrelid = CAST(? AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum""")) {
            for (String table : tables) {
                statement.setString(1, table);
                List<Column> list = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        String type = result.getString(3);
                        Kind kind = "A".equals(result.getString(2)) ? Kind.ARRAY
                                : type.equals("jsonb") || type.equals("json") ? Kind.JSON : Kind.TEXT;
                        // the fold's rows are keyed by string literals: the same object finds its key at once
                        list.add(new Column(result.getString(1).intern(), kind));
                    }
                }
                if (list.isEmpty()) {
                    throw new IllegalStateException("no columns found for " + table);
                }
                columns.put(table, List.copyOf(list));
            }
        }
        return new BoardCopy(json, byCodePoint, Map.copyOf(columns));
    }

    /** Whether the database orders text by its characters' code points, as {@link #BY_CODE_POINT} does. */
    boolean ordersByCodePoint() {
        return ordersByCodePoint;
    }

    /** Copies {@code rows} into {@code table}, on the caller's connection and in its transaction. */
    void copy(Connection connection, String table, List<ObjectNode> rows) throws SQLException {
        List<Column> columns = tables.get(table);
        StringBuilder sql = new StringBuilder("COPY ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
        }
        sql.append(") FROM STDIN");
        StringBuilder data = new StringBuilder(rows.size() * 256);
        for (ObjectNode row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    data.append('\t');
                }
                Column column = columns.get(i);
                field(data, column.kind(), row.get(column.name()));
            }
            data.append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString(),
                    new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(StringBuilder data, Kind kind, JsonNode value) {
        if (value == null || value.isNull()) {
            data.append("\\N");
        } else if (kind == Kind.JSON) {
            escaped(data, json.writeValueAsString(value));
        } else if (kind == Kind.ARRAY && value.isArray()) {
            List<String> elements = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                elements.add(element.isNull() ? null : scalar(element));
            }
            escaped(data, DelegationBoardProjection.arrayLiteral(elements.stream()));
        } else {
            escaped(data, scalar(value));
        }
    }

    /** A value as a column's input reads it from JSON: a text as it is, a number in full, an object as its JSON. */
    private String scalar(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Long.toString(value.longValue()) : value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        return json.writeValueAsString(value);
    }

    /**
     * A text as COPY's text format reads it: backslash, tab, newline and carriage return escaped. Most texts have
     * none of them and are appended whole.
     */
    private static void escaped(StringBuilder data, String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            data.append(text);
            return;
        }
        data.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char character = text.charAt(i);
            switch (character) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(character);
            }
        }
    }

    private static boolean special(char character) {
        return character == '\\' || character == '\t' || character == '\n' || character == '\r';
    }
}
