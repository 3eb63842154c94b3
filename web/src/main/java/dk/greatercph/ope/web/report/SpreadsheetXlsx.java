package dk.greatercph.ope.web.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The annual report's spreadsheet in the page's language: one sheet per section, named as the page names it, each
 * line's item, measure and value in the page's words ({@link SpreadsheetCsv#rows}), numbers as numbers. The
 * spreadsheet from the Danish page was the API's, byte for byte: English sheet names ("Not realised") and codes
 * ({@code PUBLIC}, {@code DECLINED}, {@code DELEGATIONS_HANDLED actual}), where the page and its CSV said it in Danish.
 * The API's own spreadsheet is unchanged, for programs. Cells are written as values, never as formulas; text the
 * API's CSV guarded with an apostrophe keeps it.
 */
final class SpreadsheetXlsx {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,15}");
    private static final int ROWS_IN_MEMORY = 200;

    private SpreadsheetXlsx() {
    }

    /** {@code rows}: the header (section, item, measure, value), then one line each. */
    static byte[] of(List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            for (List<String> line : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (line.size() != 4) {
                    continue;
                }
                Sheet sheet = sheets.computeIfAbsent(line.get(0), section -> {
                    Sheet created = workbook.createSheet(sheetName(section, sheets.size()));
                    Row first = created.createRow(0);
                    for (int i = 1; i < header.size(); i++) {
                        first.createCell(i - 1).setCellValue(header.get(i));
                    }
                    created.setColumnWidth(0, 40 * 256);
                    created.setColumnWidth(1, 30 * 256);
                    created.setColumnWidth(2, 60 * 256);
                    return created;
                });
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                row.createCell(0).setCellValue(line.get(1));
                row.createCell(1).setCellValue(line.get(2));
                String value = line.get(3);
                BigDecimal decimal = SpreadsheetCsv.decimal(value);
                if (decimal != null) {
                    row.createCell(2).setCellValue(decimal.doubleValue());
                } else if (WHOLE.matcher(value).matches()) {
                    row.createCell(2).setCellValue(Long.parseLong(value));
                } else if (!value.isEmpty()) {
                    row.createCell(2).setCellValue(value);
                }
            }
            if (sheets.isEmpty()) {
                workbook.createSheet("-");
            }
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section's words as a sheet's name: at most 31 characters, none of {@code []:*?/\}, unique. */
    private static String sheetName(String section, int index) {
        String safe = WorkbookUtil.createSafeSheetName(section);
        return safe.isBlank() ? "Sheet " + (index + 1) : safe;
    }
}
