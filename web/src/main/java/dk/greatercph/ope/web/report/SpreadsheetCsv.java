package dk.greatercph.ope.web.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The API's CSV (RFC 4180: commas, decimal points, UTF-8 without a byte order mark) as a spreadsheet on the desk's
 * machine opens it. Danish Excel read it as one column of text, split at nothing, with "Suzhou Industrial Park" fine
 * but "Københavns Kommune" as "KÃ¸benhavns Kommune": it separates by semicolons and reads decimal commas where the
 * language is Danish, and takes a file for UTF-8 only when it begins with a byte order mark. So the page's download
 * begins with one, and in Danish separates by semicolons and writes decimals with a comma. The API's own answer is
 * unchanged, for programs.
 */
final class SpreadsheetCsv {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SpreadsheetCsv() {
    }

    static byte[] of(byte[] apiCsv, Locale locale) {
        boolean danish = "da".equals(locale.getLanguage());
        StringWriter out = new StringWriter().append(BYTE_ORDER_MARK);
        try (var records = CSVFormat.RFC4180.parse(new StringReader(new String(apiCsv, StandardCharsets.UTF_8)));
             var printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setDelimiter(danish ? ';' : ',').get())) {
            for (CSVRecord record : records) {
                List<String> cells = new ArrayList<>(record.size());
                for (String cell : record) {
                    cells.add(danish && DECIMAL.matcher(cell).matches() ? cell.replace('.', ',') : cell);
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
