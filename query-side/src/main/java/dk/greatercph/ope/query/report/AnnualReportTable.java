package dk.greatercph.ope.query.report;

import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.query.kpi.KpiReportView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual report as a table of lines {@code section, item, measure, value}, written as CSV (one table, a header
 * line first; text that would start a formula is prefixed with an apostrophe) or as a spreadsheet (one sheet per section, columns item, measure, value; numbers as numbers).
 */
final class AnnualReportTable {

    static final String[] HEADER = {"section", "item", "measure", "value"};
    /** Rows of a sheet kept in memory while the spreadsheet is written; older ones are on disk. */
    private static final int ROWS_IN_MEMORY = 100;

    private final List<Line> lines = new ArrayList<>();

    private AnnualReportTable() {
    }

    /** One figure or text of the report. */
    record Line(String section, String item, String measure, Object value) {
    }

    static AnnualReportTable of(AnnualReportView report) {
        AnnualReportTable table = new AnnualReportTable();
        var delegations = report.delegations();
        table.add("Delegations", "received", "requests", delegations.received());
        table.add("Delegations", "year", "year of receipt", report.year());
        delegations.bySector().forEach((sector, n) -> table.add("Sectors", sector, "requests", n));
        table.add("Sectors", "PUBLIC", "share", delegations.publicShare());
        table.add("Sectors", "PRIVATE", "share", delegations.privateShare());
        delegations.byType().forEach((type, n) -> table.add("Types", type, "requests", n));
        delegations.byCountry().forEach((country, n) -> table.add("Countries", country, "requests", n));
        var china = report.china();
        table.add("China", "China", "requests", china.received());
        table.add("China", "Jiangsu", "requests", china.jiangsu());
        table.add("China", "rest of China", "requests", china.restOfChina());
        china.byProvince().forEach((province, n) -> table.add("Provinces", province, "requests", n));
        var outcomes = report.outcomes();
        table.add("Outcomes", "completed", "delegations", outcomes.completed());
        table.add("Outcomes", "investment leads", "total", outcomes.investmentLeads());
        table.add("Outcomes", "MoUs signed", "total", outcomes.mousSigned());
        table.add("Outcomes", "companies established", "total", outcomes.companiesEstablished());
        table.add("Outcomes", "jobs created", "total", outcomes.jobsCreated());
        table.add("Outcomes", "Chinese tourists", "total", outcomes.chineseTourists());
        table.add("Outcomes", "Chinese overnight stays", "total", outcomes.chineseOvernightStays());
        var notRealised = report.notRealised();
        table.add("Not realised", "DECLINED", "requests", notRealised.declined());
        table.add("Not realised", "CANCELLED", "requests", notRealised.cancelled());
        table.add("Not realised", "WITHDRAWN", "requests", notRealised.withdrawn());
        for (var delegation : notRealised.delegations()) {
            table.add("Not realised", delegation.delegationId(), "status", delegation.status());
            table.add("Not realised", delegation.delegationId(), "organisation", delegation.organisation());
            table.add("Not realised", delegation.delegationId(), "country", delegation.country());
            table.add("Not realised", delegation.delegationId(), "date received", delegation.dateReceived().toString());
            table.add("Not realised", delegation.delegationId(), "reason", delegation.reason());
        }
        for (KpiReportView.OperatorKpis operator : report.operators()) {
            Map<KpiKind, Long> targets = new LinkedHashMap<>();
            operator.targets().forEach(target -> targets.put(target.kind(), target.target()));
            for (KpiKind kind : KpiKind.values()) {
                if (targets.containsKey(kind)) {
                    table.add("Operators", operator.operatorId(), kind + " target", targets.get(kind));
                }
                table.add("Operators", operator.operatorId(), kind + " actual", actual(operator.actuals(), kind));
            }
        }
        var trip = report.politicalTrip();
        if (trip != null) {
            table.add("Political trip", "trip", "id", trip.tripId());
            table.add("Political trip", "trip", "title", trip.title());
            table.add("Political trip", "trip", "destinations", String.join(", ", trip.destinations()));
            table.add("Political trip", "trip", "dates", trip.startDate() + " – " + trip.endDate());
            table.add("Political trip", "trip", "status", trip.status());
            table.add("Political trip", "report", "outcomes", trip.outcomes());
            trip.agreementsSigned().forEach(agreement -> table.add("Political trip", "report", "agreement", agreement));
            trip.followUps().forEach(followUp -> table.add("Political trip", "report", "follow-up", followUp));
        }
        return table;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Line line : lines) {
                printer.printRecord(text(line.section()), text(line.item()), text(line.measure()),
                        line.value() instanceof Number number ? number.toString() : text(line.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The spreadsheet, its rows streamed through temporary files a window at a time (closing the workbook deletes
     * them): a whole workbook in memory held about 2.7 kB a row, so a year with 10,000 delegations not realised
     * (50,000 rows) took about 135 MB of the heap. The files are made in {@code folder} (the application's upload
     * folder), so those a killed process leaves are deleted with it at the next start, not left in POI's shared
     * {@code poifiles} folder.
     */
    byte[] xlsx(Path folder) {
        return TempFile.withStrategy(new InFolder(folder), this::streamedWorkbook);
    }

    private byte[] streamedWorkbook() {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            workbook.setCompressTempFiles(true);
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            for (Line line : lines) {
                Sheet sheet = sheets.computeIfAbsent(line.section(), name -> {
                    Sheet created = workbook.createSheet(name);
                    Row header = created.createRow(0);
                    for (int i = 1; i < HEADER.length; i++) {
                        header.createCell(i - 1).setCellValue(HEADER[i]);
                    }
                    return created;
                });
                Row row = sheet.createRow(sheet.getLastRowNum() + 1);
                row.createCell(0).setCellValue(line.item());
                row.createCell(1).setCellValue(line.measure());
                if (line.value() instanceof Number number) {
                    row.createCell(2).setCellValue(number.doubleValue());
                } else if (line.value() != null) {
                    row.createCell(2).setCellValue(line.value().toString());
                }
            }
            for (Sheet sheet : sheets.values()) {
                sheet.setColumnWidth(0, 40 * 256);
                sheet.setColumnWidth(1, 30 * 256);
                sheet.setColumnWidth(2, 60 * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text as a CSV cell that a spreadsheet program opens as text: one beginning like a formula ({@code = + - @},
     * tab, carriage return) is prefixed with an apostrophe, and so is every part after a semicolon that begins so. A
     * spreadsheet set up for Danish splits a line at its semicolons (the list separator there), so a province of
     * {@code x;=1+1} became a cell {@code =1+1}: a formula, which the apostrophe at the cell's start did not stop.
     */
    static String text(Object value) {
        String text = value == null ? "" : value.toString();
        StringBuilder cell = new StringBuilder(text.length() + 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((i == 0 || text.charAt(i - 1) == ';') && FORMULA_START.indexOf(c) >= 0) {
                cell.append('\'');
            }
            cell.append(c);
        }
        return cell.toString();
    }

    private static final String FORMULA_START = "=+-@\t\r";

    private void add(String section, String item, String measure, Object value) {
        lines.add(new Line(section, item, measure, value));
    }

    private static Long actual(KpiReportView.Actuals actuals, KpiKind kind) {
        if (actuals == null) {
            return 0L;
        }
        return switch (kind) {
            case DELEGATIONS_HANDLED -> actuals.delegationsHandled();
            case PROGRAMMES_DELIVERED -> actuals.programmesDelivered();
            case INVESTMENT_LEADS -> actuals.investmentLeads();
            case COMPANIES_ATTRACTED -> actuals.companiesAttracted();
            case MOUS_SIGNED -> actuals.mousSigned();
            case JOBS_CREATED -> actuals.jobsCreated();
            case TOURISTS -> actuals.tourists();
        };
    }

    /** POI's temporary files for this thread's spreadsheet, in one folder. */
    private record InFolder(Path folder) implements TempFileCreationStrategy {

        @Override
        public File createTempFile(String prefix, String suffix) throws IOException {
            return Files.createTempFile(folder, prefix, suffix).toFile();
        }

        @Override
        public File createTempDirectory(String prefix) throws IOException {
            return Files.createTempDirectory(folder, prefix).toFile();
        }
    }
}
