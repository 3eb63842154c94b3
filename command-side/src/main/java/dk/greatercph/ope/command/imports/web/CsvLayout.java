package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.platform.input.InvalidInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented layout of an import file: UTF-8 with or without a byte order mark, a header line naming the
 * columns (any order, each at most once, only those below), comma- or semicolon-separated as the header shows,
 * quoted as RFC 4180 (Apache Commons CSV). A cell becomes the registration request's field of the same name;
 * an empty cell is a field not given; {@code themes} are separated by {@value #THEME_SEPARATOR}. No line (record) may
 * be longer than {@value BoundedLines#MAX_CHARACTERS} characters ({@link BoundedLines}).
 */
final class CsvLayout {

    /** The columns, named as the fields of {@code POST /api/delegations}. */
    static final List<String> COLUMNS = List.of("country", "dateReceived", "channel", "requestingOrganisation",
            "originProvince", "originCity", "delegationType", "politicalLevel", "headCount", "wishedFrom", "wishedTo",
            "themes", "purpose", "businessOpportunity");

    static final String THEME_SEPARATOR = "|";

    /** The documented example, also shown in the OpenAPI document. */
    static final String EXAMPLE = """
            country,dateReceived,channel,requestingOrganisation,originProvince,originCity,delegationType,politicalLevel,headCount,wishedFrom,wishedTo,themes,purpose,businessOpportunity
            CN,2024-03-04,EMBASSY,Jiangsu Provincial Health Commission,Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,12,2024-05-13,2024-05-17,HEALTH_WELFARE_TECH|INVESTMENT,"Study visit on welfare technology, elder care",Two companies look for partners
            SE,2024-04-11,DIRECT,Region Skåne,,,ADMINISTRATIVE,NONE,4,2024-06-03,2024-06-03,GREEN_GROWTH,,
            """;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");

    private final char delimiter;
    private final List<String> header;

    private CsvLayout(char delimiter, List<String> header) {
        this.delimiter = delimiter;
        this.header = header;
    }

    /** Reads the header of {@code file}, refusing a file without one or with a column this layout does not know. */
    static CsvLayout of(Path file) throws IOException {
        String firstLine;
        try (BufferedReader reader = new BufferedReader(reader(file, ",;"))) {
            firstLine = reader.readLine();
        } catch (BoundedLines.LineTooLong tooLong) {
            throw tooLong(tooLong);
        }
        if (firstLine == null || firstLine.isBlank()) {
            throw new InvalidInput(ImportProblem.MISSING_HEADER, "file", "has no header line naming its columns");
        }
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<String> header;
        try (CSVParser parser = format(delimiter, false).parse(new java.io.StringReader(firstLine))) {
            header = parser.getHeaderNames();
        } catch (IOException | UncheckedIOException malformed) {
            // e.g. a quote the line does not close: the header is not CSV
            throw new InvalidInput(ImportProblem.MALFORMED_CSV, "file", "is not well-formed CSV (near line 1)");
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < header.size(); index++) {
            String column = header.get(index);
            if (column.isEmpty()) {
                // "'header' is not a column" named a column the file does not have
                throw new InvalidInput(ImportProblem.UNKNOWN_COLUMN, "header",
                        "has a column without a name (column " + (index + 1) + ")");
            }
            if (!COLUMNS.contains(column)) {
                throw new InvalidInput(ImportProblem.UNKNOWN_COLUMN, shown(column),
                        "is not a column of an import file (columns: " + String.join(", ", COLUMNS) + ")");
            }
            if (!seen.add(column)) {
                throw new InvalidInput(ImportProblem.DUPLICATE_COLUMN, column, "appears more than once in the header");
            }
        }
        return new CsvLayout(delimiter, List.copyOf(header));
    }

    /** The refusal of a file with a line longer than {@link BoundedLines#MAX_CHARACTERS}. */
    static InvalidInput tooLong(BoundedLines.LineTooLong tooLong) {
        return new InvalidInput(ImportProblem.LINE_TOO_LONG, "file", "has a line of more than "
                + BoundedLines.MAX_CHARACTERS + " characters (the record starting on line " + tooLong.line() + ")");
    }

    /** A column name as a refusal names it: a header's unknown name can be as long as the line. */
    private static String shown(String column) {
        return column.length() <= 100 ? column : column.substring(0, 100) + "…";
    }

    /** A parser over the records of {@code file}, after its header. */
    CSVParser parser(Path file) throws IOException {
        return format(delimiter, true).parse(reader(file, String.valueOf(delimiter)));
    }

    int columns() {
        return header.size();
    }

    /** True for a line with no content at all (blank, or only separators): skipped, not counted. */
    static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }

    /**
     * The record as the JSON body the API would be sent: every non-empty cell as text, {@code headCount} as a
     * number where it is written as an integer, {@code themes} as a list.
     */
    ObjectNode asRequest(CSVRecord record, JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String value = record.get(i);
            if (value.isEmpty()) {
                continue;
            }
            String column = header.get(i);
            body.set(column, switch (column) {
                case "headCount" -> INTEGER.matcher(value).matches()
                        ? json.getNodeFactory().numberNode(new BigInteger(value))
                        : json.getNodeFactory().stringNode(value);
                case "themes" -> themes(value, json);
                default -> json.getNodeFactory().stringNode(value);
            });
        }
        return body;
    }

    private static JsonNode themes(String value, JsonMapper json) {
        ArrayNode themes = json.createArrayNode();
        for (String theme : value.split(Pattern.quote(THEME_SEPARATOR), -1)) {
            themes.add(theme.strip());
        }
        return themes;
    }

    private static CSVFormat format(char delimiter, boolean skipHeader) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(skipHeader)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(false)
                .get();
    }

    /** The file as text: UTF-8, a byte order mark skipped, malformed bytes refused rather than replaced. */
    private static Reader reader(Path file, String delimiters) throws IOException {
        InputStream bytes = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        return new BoundedLines(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), delimiters);
    }

    private static long count(String line, char c) {
        return line.chars().filter(x -> x == c).count();
    }
}
