package dk.greatercph.ope.query.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spreadsheet of a year with many more rows than the writer keeps in memory at once. */
class AnnualReportTableTest {

    private static final int NOT_REALISED = 3_000;

    @Test
    void aLargeYearsSpreadsheetHoldsEveryRowInOrderAndLeavesNoTemporaryFiles(@TempDir Path folder)
            throws IOException {
        AnnualReportView report = largeYear();
        List<Path> temporaryBefore = poiFiles();

        byte[] xlsx = AnnualReportTable.of(report).xlsx(folder);

        assertThat(poiFiles()).as("nothing is left in POI's shared folder").isEqualTo(temporaryBefore);
        assertThat(filesIn(folder)).as("the streamed rows' files are deleted").isEmpty();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Not realised");
            // a header, the three counts, five rows per delegation
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 5 * NOT_REALISED);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("item");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(NOT_REALISED);
            Row firstReason = sheet.getRow(3 + 5);
            assertThat(firstReason.getCell(0).getStringCellValue()).isEqualTo("delegation-0");
            assertThat(firstReason.getCell(1).getStringCellValue()).isEqualTo("reason");
            assertThat(firstReason.getCell(2).getStringCellValue()).isEqualTo("=reason 0");
            Row lastReason = sheet.getRow(sheet.getLastRowNum());
            assertThat(lastReason.getCell(0).getStringCellValue()).isEqualTo("delegation-" + (NOT_REALISED - 1));
            assertThat(lastReason.getCell(2).getStringCellValue()).isEqualTo("=reason " + (NOT_REALISED - 1));
        }
    }

    /** The rows' files are made in the folder given: where there is none, the spreadsheet cannot be written. */
    @Test
    void theStreamedRowsFilesAreMadeInTheFolderGiven(@TempDir Path parent) {
        Path missing = parent.resolve("missing");

        assertThatThrownBy(() -> AnnualReportTable.of(largeYear()).xlsx(missing))
                .hasRootCauseInstanceOf(NoSuchFileException.class)
                .hasStackTraceContaining(missing.toString());
    }

    private static AnnualReportView largeYear() {
        List<AnnualReportView.NotRealisedDelegation> delegations = IntStream.range(0, NOT_REALISED)
                .mapToObj(i -> new AnnualReportView.NotRealisedDelegation("delegation-" + i, "Organisation " + i,
                        "CN", LocalDate.of(2027, 1, 1).plusDays(i % 365), "DECLINED", "=reason " + i))
                .toList();
        return new AnnualReportView(2027,
                new AnnualReportView.Delegations(NOT_REALISED, Map.of("PUBLIC", (long) NOT_REALISED), 1.0, 0.0,
                        Map.of("ADMINISTRATIVE", (long) NOT_REALISED), Map.of("CN", (long) NOT_REALISED)),
                new AnnualReportView.China(NOT_REALISED, 0, NOT_REALISED, Map.of("Hubei", (long) NOT_REALISED)),
                new AnnualReportView.Outcomes(0, 0, 0, 0, 0, 0, 0),
                new AnnualReportView.NotRealised(NOT_REALISED, 0, 0, delegations), List.of(), null);
    }

    private static List<Path> poiFiles() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return filesIn(folder);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** Danish spreadsheets split at semicolons: a part after one that begins like a formula became a formula. */
    @Test
    void csvTextIsTextWhereverASpreadsheetSplitsIt() {
        assertThat(AnnualReportTable.text("=1+1")).isEqualTo("'=1+1");
        assertThat(AnnualReportTable.text(";=1+1")).isEqualTo(";'=1+1");
        assertThat(AnnualReportTable.text("x;=HYPERLINK(\"a\");@b;-c")).isEqualTo("x;'=HYPERLINK(\"a\");'@b;'-c");
        assertThat(AnnualReportTable.text("Jiangsu; Nanjing")).isEqualTo("Jiangsu; Nanjing");
        assertThat(AnnualReportTable.text("a-b=c")).isEqualTo("a-b=c");
        assertThat(AnnualReportTable.text(null)).isEmpty();
    }
}
