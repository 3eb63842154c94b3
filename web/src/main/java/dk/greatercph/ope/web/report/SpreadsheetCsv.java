package dk.greatercph.ope.web.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's CSV (RFC 4180: commas, decimal points, UTF-8 without a byte order mark) as a spreadsheet on the desk's
 * machine opens it. Danish Excel read it as one column of text, split at nothing, with "Suzhou Industrial Park" fine
 * but "Københavns Kommune" as "KÃ¸benhavns Kommune": it separates by semicolons and reads decimal commas where the
 * language is Danish, and takes a file for UTF-8 only when it begins with a byte order mark. So the page's download
 * begins with one, and in Danish separates by semicolons and writes decimals with a comma. The API's own answer is
 * unchanged, for programs.
 * <p>
 * The page's file also speaks the page's language: the sections, items and measures, which are English words and codes
 * in the API's file ({@code Sectors;PUBLIC;share}, {@code Not realised;DECLINED}), are written as the report page
 * writes them, and a share is given to four decimals ({@code 0,8888888888888888} before).
 */
final class SpreadsheetCsv {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");
    private static final Pattern TARGET_OR_ACTUAL = Pattern.compile("([A-Z_]+) (target|actual)");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SpreadsheetCsv() {
    }

    /**
     * The API's CSV for a spreadsheet in {@code locale}; {@code words} gives a message of the pages for a key, or null
     * where there is none (the cell is then kept as the API wrote it).
     */
    static byte[] of(byte[] apiCsv, Locale locale, Function<String, String> words) {
        return of(apiCsv, locale, words, operator -> null);
    }

    /** As {@link #of(byte[], Locale, Function)}, each operator named by {@code operators} (null: by its code). */
    static byte[] of(byte[] apiCsv, Locale locale, Function<String, String> words, Function<String, String> operators) {
        boolean danish = "da".equals(locale.getLanguage());
        StringWriter out = new StringWriter().append(BYTE_ORDER_MARK);
        try (var printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(danish ? ';' : ',').get())) {
            for (List<String> line : rows(apiCsv, locale, words, operators)) {
                List<String> cells = new ArrayList<>(line);
                for (int i = 0; i < cells.size(); i++) {
                    BigDecimal decimal = decimal(cells.get(i));
                    if (decimal != null) {
                        cells.set(i, danish ? decimal.toPlainString().replace('.', ',') : decimal.toPlainString());
                    }
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The API's CSV in the page's words, its header first: each line {@code section, item, measure, value} as the
     * report page writes it, numbers as the API wrote them. The page's CSV and its spreadsheet are both made from it.
     */
    static List<List<String>> rows(byte[] apiCsv, Locale locale, Function<String, String> words,
                                   Function<String, String> operators) {
        List<List<String>> rows = new ArrayList<>();
        try (var records = CSVFormat.RFC4180.parse(new StringReader(new String(apiCsv, StandardCharsets.UTF_8)))) {
            boolean header = true;
            for (CSVRecord record : records) {
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    cells.add(cell);
                }
                if (cells.size() == 4) {
                    cells = new ArrayList<>(header ? headerWords(cells, words) : lineWords(cells, locale, words, operators));
                }
                header = false;
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A decimal the API wrote ({@code 0.8888888888888888}), to at most four places; null for any other cell. */
    static BigDecimal decimal(String cell) {
        if (!DECIMAL.matcher(cell).matches()) {
            return null;
        }
        return new BigDecimal(cell).setScale(Math.min(4, cell.length() - cell.indexOf('.') - 1), RoundingMode.HALF_UP);
    }

    private static List<String> headerWords(List<String> cells, Function<String, String> words) {
        return cells.stream().map(cell -> or(words.apply("report.csv.header." + key(cell)), cell)).toList();
    }

    /** One line {@code section, item, measure, value} in the page's words. */
    private static List<String> lineWords(List<String> cells, Locale locale, Function<String, String> words,
                                          Function<String, String> operators) {
        String section = cells.get(0);
        String item = cells.get(1);
        String measure = cells.get(2);
        String value = cells.get(3);
        String itemWords = switch (section) {
            case "Sectors" -> words.apply("report.sector." + item);
            case "Types" -> words.apply("enum.DelegationType." + item);
            case "Countries" -> countryName(item, locale);
            case "Operators" -> operators.apply(item);
            case "Not realised" -> or(words.apply("enum.Status." + item), words.apply("report.csv.item." + key(item)));
            default -> words.apply("report.csv.item." + key(item));
        };
        Matcher kpi = TARGET_OR_ACTUAL.matcher(measure);
        String measureWords = kpi.matches() && words.apply("enum.KpiKind." + kpi.group(1)) != null
                ? words.apply("enum.KpiKind." + kpi.group(1)) + ", " + words.apply("report.csv.measure." + kpi.group(2))
                : words.apply("report.csv.measure." + key(measure));
        String valueWords = "status".equals(measure)
                ? or(words.apply("enum.Status." + value), words.apply("trips.status." + value)) : null;
        return List.of(or(words.apply("report.csv.section." + key(section)), section), or(itemWords, item),
                or(measureWords, measure), or(valueWords, value));
    }

    private static String countryName(String code, Locale locale) {
        if (code.length() != 2) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isEmpty() || name.equals(code) ? null : name;
    }

    /** A message key's last part for an English word of the API's file: "rest of China" is rest_of_China. */
    private static String key(String text) {
        return text.replaceAll("[^A-Za-z0-9]+", "_");
    }

    private static String or(String words, String otherwise) {
        return words != null ? words : otherwise;
    }
}
