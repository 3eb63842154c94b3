package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.platform.security.Role;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.greatercph.ope.app.support.Lifecycle.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's earlier records come in from CSV: a dry run reports every line as the API would judge it and records
 * nothing; a real run records ordinary registrations marked as imported; the same file twice records nothing new;
 * an interrupted run is resumed by importing the file again; large files stream; CSV quoting and a BOM are read.
 */
@OpeIntegrationTest
class ImportTest {

    static final String HEADER = String.join(",", CsvLayout.COLUMNS);

    /** A day received in a year of the last century no other test counts in: imports count in its KPIs. */
    static final String RECEIVED = LocalDate.of(1901 + new java.util.Random().nextInt(98), 3, 4).toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Imports imports;

    @Autowired
    ImportStore store;

    @Autowired
    dk.greatercph.ope.platform.upload.UploadFolder uploads;

    private Api desk() {
        return new Api(port).as("desk");
    }

    /** A valid line of the documented layout for {@code organisation}. */
    static String line(String organisation) {
        return "CN," + RECEIVED + ",EMBASSY," + organisation + ",Jiangsu,Nanjing,ADMINISTRATIVE,PROVINCIAL,12,"
                + "2027-05-13,2027-05-17,HEALTH_WELFARE_TECH|INVESTMENT,Study visit,Partners";
    }

    static byte[] file(List<String> lines) {
        return (HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private Api.Response post(byte[] csv, boolean dryRun) {
        return desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports?dryRun=" + dryRun))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), Map.of());
    }

    private JsonNode finished(Api.Response started) {
        String location = started.header("Location");
        assertThat(location).startsWith("/api/imports/IMP-");
        Api.Response done = desk().getUntil(location,
                r -> r.status() == 200 && !r.json().get("state").asString().equals("RUNNING"), Duration.ofMinutes(5));
        assertThat(done.json().get("state").asString()).as(done.body()).isEqualTo("DONE");
        return done.json();
    }

    private static JsonNode lineOf(JsonNode run, int line) {
        for (JsonNode each : run.get("lines")) {
            if (each.get("line").asInt() == line) {
                return each;
            }
        }
        throw new AssertionError("no line " + line + " in " + run);
    }

    private long eventsOfFile(String sha256) {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry "
                        + "WHERE CAST(convert_from(metaData, 'UTF8') AS JSONB) ->> 'importFileSha256' = :sha")
                .param("sha", sha256).query(Long.class).single();
    }

    private static List<String> fieldErrors(JsonNode problem) {
        return problem.get("errors") == null ? List.of() : problem.get("errors").valueStream()
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString()).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Imports.canonicalSha256(new ByteArrayInputStream(bytes));
    }

    /** What POST /api/delegations answers for the same request, as JSON. */
    private JsonNode apiAnswer(String json) {
        Api.Response response = desk().post("/api/delegations", json);
        assertThat(response.status()).as(response.body()).isGreaterThanOrEqualTo(400);
        return response.json();
    }

    private static String request(String organisation, String replace, String with) {
        String json = """
                {"country":"CN","dateReceived":"%s","channel":"EMBASSY","requestingOrganisation":"%s",
                 "originProvince":"Jiangsu","originCity":"Nanjing","delegationType":"ADMINISTRATIVE",
                 "politicalLevel":"PROVINCIAL","headCount":12,"wishedFrom":"2027-05-13","wishedTo":"2027-05-17",
                 "themes":["HEALTH_WELFARE_TECH","INVESTMENT"],"purpose":"Study visit","businessOpportunity":"Partners"}
                """.formatted(RECEIVED, organisation);
        assertThat(json).contains(replace);
        return json.replace(replace, with);
    }

    @Test
    void aDryRunReportsEachLineWithTheApisCodesAndFieldsAndRecordsNothing() throws Exception {
        String tag = "Dry " + UUID.randomUUID();
        List<String> lines = List.of(
                line(tag + " valid"),                                                        // 2
                line(tag + " no one").replace(",12,", ",0,"),                                // 3
                line(tag + " bad channel").replace("EMBASSY", "FAX"),                        // 4
                line(tag + " window").replace("2027-05-17", "2027-05-01"),                   // 5
                line(tag + " country").replace("CN,", "XX,"),                                 // 6
                line(tag + " no province").replace("Jiangsu,Nanjing", ","),                  // 7
                line(tag + " bad date").replace("2027-05-13", "2027-13-01"),                 // 8
                line(tag + " future").replace(RECEIVED, "2999-01-01"),                   // 9
                line(tag + " also valid").replace("CN," + RECEIVED, "SE," + RECEIVED)
                        .replace("Jiangsu,Nanjing", ","));                                   // 10
        byte[] csv = file(lines);

        Api.Response started = post(csv, true);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = finished(started);

        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("fileSha256").asString()).isEqualTo(sha256(csv));
        assertThat(run.get("linesTotal").asInt()).isEqualTo(9);
        assertThat(run.get("linesRead").asInt()).isEqualTo(9);
        assertThat(run.get("recorded").asInt()).isEqualTo(2);
        assertThat(run.get("refused").asInt()).isEqualTo(7);
        assertThat(lineOf(run, 2).get("outcome").asString()).isEqualTo("WOULD_RECORD");
        assertThat(lineOf(run, 10).get("outcome").asString()).isEqualTo("WOULD_RECORD");

        Map<Integer, String[]> refusals = Map.of(
                3, new String[]{"VALIDATION_FAILED", "headCount", "\"headCount\":12", "\"headCount\":0"},
                4, new String[]{"INVALID_FIELD", "channel", "\"EMBASSY\"", "\"FAX\""},
                5, new String[]{"INVALID_DATE_WINDOW", null, "\"2027-05-17\"", "\"2027-05-01\""},
                6, new String[]{"INVALID_COUNTRY", "country", "\"CN\"", "\"XX\""},
                7, new String[]{"VALIDATION_FAILED", "originProvince", "\"originProvince\":\"Jiangsu\",", ""},
                8, new String[]{"INVALID_FIELD", "wishedFrom", "\"2027-05-13\"", "\"2027-13-01\""},
                9, new String[]{"DATE_RECEIVED_IN_FUTURE", "dateReceived", "\"" + RECEIVED + "\"", "\"2999-01-01\""});
        for (Map.Entry<Integer, String[]> refusal : refusals.entrySet()) {
            JsonNode reported = lineOf(run, refusal.getKey());
            String[] expected = refusal.getValue();
            assertThat(reported.get("outcome").asString()).as(reported.toString()).isEqualTo("REFUSED");
            assertThat(reported.get("code").asString()).as(reported.toString()).isEqualTo(expected[0]);
            if (expected[1] != null) {
                assertThat(reported.get("errors").valueStream().map(e -> e.get("field").asString()))
                        .as(reported.toString()).contains(expected[1]);
            }
            JsonNode api = apiAnswer(request(tag + " api " + refusal.getKey(), expected[2], expected[3]));
            assertThat(reported.get("code").asString()).as("the API's answer " + api).isEqualTo(api.get("code").asString());
            assertThat(reported.get("detail").asString()).isEqualTo(api.get("detail").asString());
            assertThat(fieldErrors(reported)).isEqualTo(fieldErrors(api));
        }

        assertThat(eventsOfFile(sha256(csv))).isZero();
        String wouldBe = lineOf(run, 2).get("delegationId").asString();
        assertThat(desk().get("/api/audit/events?aggregateId=" + wouldBe).json().get("items")).isEmpty();
    }

    /** A line with several fields that cannot be read named the first only, where the API names them all. */
    /**
     * The same history in a file that differs only in a space or a letter's case recorded every line again (the
     * duplicate guard was the file's hash and the line's number), and the KPIs counted each twice; a line repeated
     * within a file was recorded twice.
     */
    @Test
    void theSameRequestInAnotherFileOrTwiceInOneIsRecordedOnce() {
        String tag = "Again " + UUID.randomUUID();
        JsonNode first = finished(post(file(List.of(line(tag + " a"), line(tag + " b"), line(tag + " a"))), false));
        List<String> variant = List.of(line(tag + " a ").replace(",Study visit,", ",Study  visit ,"),
                line(tag.toUpperCase(java.util.Locale.ROOT) + " B"));

        JsonNode dry = finished(post(file(variant), true));
        JsonNode again = finished(post(file(variant), false));

        assertThat(first.get("recorded").asInt()).isEqualTo(2);
        assertThat(lineOf(first, 4).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(lineOf(first, 4).get("delegationId").asString())
                .isEqualTo(lineOf(first, 2).get("delegationId").asString());
        assertThat(lineOf(dry, 2).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("alreadyRecorded").asInt()).isEqualTo(2);
        assertThat(lineOf(again, 3).get("delegationId").asString())
                .isEqualTo(lineOf(first, 3).get("delegationId").asString());
        // a dry run says of a line repeated within the file what the real run then says: it counted it twice
        String fresh = "Repeated " + UUID.randomUUID();
        JsonNode repeated = finished(post(file(List.of(line(fresh), line(fresh + " other"), line(fresh))), true));
        assertThat(repeated.get("recorded").asInt()).isEqualTo(2);
        assertThat(repeated.get("alreadyRecorded").asInt()).isEqualTo(1);
        assertThat(lineOf(repeated, 4).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
    }

    @Test
    void aLineWithSeveralUnreadableFieldsNamesThemAllAsTheApiDoes() {
        String tag = "Several " + UUID.randomUUID();
        Api.Response started = post(file(List.of(line(tag).replace(",EMBASSY,", ",FAX,")
                .replace("2027-05-13", "2027-13-01").replace(",12,", ",x,"))), true);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode reported = lineOf(finished(started), 2);
        JsonNode api = apiAnswer(request(tag, "\"EMBASSY\"", "\"FAX\"").replace("\"2027-05-13\"", "\"2027-13-01\"")
                .replace("\"headCount\":12", "\"headCount\":\"x\""));

        assertThat(reported.get("errors").valueStream().map(e -> e.get("field").asString()))
                .as(reported.toString()).containsExactlyInAnyOrder("channel", "wishedFrom", "headCount");
        assertThat(reported.get("code").asString()).isEqualTo(api.get("code").asString());
        assertThat(fieldErrors(reported)).isEqualTo(fieldErrors(api));
    }

    @Test
    void aRealRunRecordsValidLinesAsImportedAndTheSameFileAgainRecordsNothingNew() throws Exception {
        String tag = "Real " + UUID.randomUUID();
        byte[] csv = file(List.of(line(tag + " one"), line(tag + " refused").replace(",12,", ",x,"),
                line(tag + " two").replace("CN," + RECEIVED, "DE," + RECEIVED).replace("Jiangsu,Nanjing", ",")));
        String sha = sha256(csv);

        Api.Response started = post(csv, false);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = finished(started);
        assertThat(run.get("recorded").asInt()).isEqualTo(2);
        assertThat(run.get("refused").asInt()).isEqualTo(1);
        assertThat(lineOf(run, 3).get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(eventsOfFile(sha)).isEqualTo(2);

        String second = lineOf(run, 4).get("delegationId").asString();
        JsonNode audit = desk().get("/api/audit/events?aggregateId=" + second).json().get("items");
        assertThat(audit).hasSize(1);
        JsonNode metadata = audit.get(0).get("metaData");
        assertThat(metadata.get("imported").asBoolean()).isTrue();
        assertThat(metadata.get("importFileSha256").asString()).isEqualTo(sha);
        assertThat(metadata.get("importLine").asInt()).isEqualTo(4);
        assertThat(metadata.get("importId").asString()).isEqualTo(run.get("id").asString());
        assertThat(metadata.get("actor").asString()).isEqualTo("desk");
        JsonNode board = desk().getUntil("/api/delegations/" + second, r -> r.status() == 200, Duration.ofSeconds(20)).json();
        assertThat(board.get("requestingOrganisation").asString()).isEqualTo(tag + " two");
        // marked as imported on the board and the delegation page, unlike a request registered as it arrived
        assertThat(board.get("imported").asBoolean()).isTrue();
        String registered = desk().post("/api/delegations", dk.greatercph.ope.app.support.Requests.delegation(tag))
                .json().get("id").asString();
        assertThat(desk().getUntil("/api/delegations/" + registered, r -> r.status() == 200, Duration.ofSeconds(20))
                .json().get("imported").asBoolean()).isFalse();
        assertThat(desk().get("/api/delegations?q=" + java.net.URLEncoder.encode(tag,
                java.nio.charset.StandardCharsets.UTF_8)).json().get("items").valueStream()
                .filter(item -> item.get("id").asString().equals(second)).findFirst().orElseThrow()
                .get("imported").asBoolean()).isTrue();
        String page = dk.greatercph.ope.app.web.support.PageSession.signedIn(port, "desk")
                .get("/delegations/" + second).body();
        assertThat(page).contains("id=\"fact-imported\"");

        Api.Response again = post(csv, false);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Location")).isEqualTo(started.header("Location"));
        assertThat(again.json().get("id").asString()).isEqualTo(run.get("id").asString());
        assertThat(lineOf(again.json(), 2).get("delegationId").asString())
                .isEqualTo(lineOf(run, 2).get("delegationId").asString());
        assertThat(lineOf(again.json(), 4).get("delegationId").asString()).isEqualTo(second);
        assertThat(eventsOfFile(sha)).isEqualTo(2);

        JsonNode dryAgain = finished(post(csv, true));
        assertThat(lineOf(dryAgain, 2).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(dryAgain.get("alreadyRecorded").asInt()).isEqualTo(2);

        // the same sheet saved again with Unix line ends and a byte-order mark is the same file
        byte[] resaved = ("\uFEFF" + new String(csv, StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .getBytes(StandardCharsets.UTF_8);
        Api.Response resavedAgain = post(resaved, false);
        assertThat(resavedAgain.status()).as(resavedAgain.body()).isEqualTo(200);
        assertThat(resavedAgain.json().get("id").asString()).isEqualTo(run.get("id").asString());
        assertThat(eventsOfFile(sha)).isEqualTo(2);
    }

    /**
     * A run that ended after recording lines 2–4, with line 4's event committed but its bookkeeping not (a crash
     * in between): importing the file again records only lines 5 and 6, and every line exactly once.
     */
    @Test
    void anInterruptedImportIsResumedByImportingTheSameFileAgain() throws Exception {
        String tag = "Resume " + UUID.randomUUID();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(line(tag + " " + i));
        }
        byte[] csv = file(lines);
        String sha = sha256(csv);
        Path path = Files.createTempFile("import-test", ".csv");
        Files.write(path, csv);
        CsvLayout layout = CsvLayout.of(path);
        CurrentUser desk = new CurrentUser("desk", Role.DESK, null);
        String crashed = "IMP-" + UUID.randomUUID();
        store.start(crashed, sha, false, "desk", csv.length, 5);
        Map<Integer, String> recordedAs = new java.util.HashMap<>();
        try (CSVParser parser = layout.parser(path)) {
            Iterator<CSVRecord> records = parser.iterator();
            for (int line = 2; line <= 4; line++) {
                ImportLineView judged = imports.judge(crashed, sha, false, layout, records.next(), line, Map.of(), desk);
                assertThat(judged.outcome()).isEqualTo(LineOutcome.RECORDED);
                recordedAs.put(line, judged.delegationId());
                if (line < 4) {
                    store.line(crashed, sha, judged);
                }
            }
        } finally {
            Files.delete(path);
        }
        assertThat(eventsOfFile(sha)).isEqualTo(3);

        Api.Response resumed = post(csv, false);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        JsonNode run = finished(resumed);

        assertThat(run.get("recorded").asInt()).isEqualTo(2);
        assertThat(run.get("alreadyRecorded").asInt()).isEqualTo(3);
        for (int line = 2; line <= 4; line++) {
            assertThat(lineOf(run, line).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
            assertThat(lineOf(run, line).get("delegationId").asString())
                    .isEqualTo(recordedAs.get(line));
        }
        assertThat(lineOf(run, 5).get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(lineOf(run, 6).get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(eventsOfFile(sha)).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(DISTINCT aggregateIdentifier) FROM DomainEventEntry "
                        + "WHERE CAST(convert_from(metaData, 'UTF8') AS JSONB) ->> 'importFileSha256' = :sha")
                .param("sha", sha).query(Long.class).single()).isEqualTo(5);
        assertThat(desk().get("/api/imports/" + crashed).json().get("state").asString()).isEqualTo("INTERRUPTED");

        Api.Response third = post(csv, false);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().get("id").asString()).isEqualTo(run.get("id").asString());
        assertThat(eventsOfFile(sha)).isEqualTo(5);
    }

    @Test
    void aLargeFileStreamsInAndShowsItsProgress() throws Exception {
        String tag = "Large " + UUID.randomUUID();
        int count = 5_000;
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line(tag + " " + i));
        }
        byte[] csv = file(lines);
        long began = System.nanoTime();
        Api.Response started = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(csv))),
                Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("linesTotal").asInt()).isEqualTo(count);

        List<Integer> seen = new ArrayList<>();
        Api.Response last = desk().getUntil(started.header("Location"), r -> {
            seen.add(r.json().get("linesRead").asInt());
            return !r.json().get("state").asString().equals("RUNNING");
        }, Duration.ofMinutes(10));
        long millis = (System.nanoTime() - began) / 1_000_000;
        JsonNode run = last.json();
        System.out.printf("Imported %d lines (%d bytes, sent chunked) in %d ms; progress seen: %s%n", count,
                csv.length, millis, seen.stream().distinct().limit(20).toList());

        assertThat(run.get("state").asString()).isEqualTo("DONE");
        assertThat(run.get("recorded").asInt()).isEqualTo(count);
        assertThat(run.get("lines")).hasSize(1000);
        assertThat(run.get("nextAfter").asInt()).isEqualTo(1001);
        List<Integer> paged = new ArrayList<>();
        for (String after = "0"; after != null; ) {
            JsonNode page = desk().get(started.header("Location") + "?limit=1000&after=" + after).json();
            page.get("lines").forEach(line -> paged.add(line.get("line").asInt()));
            after = page.has("nextAfter") ? page.get("nextAfter").asString() : null;
        }
        assertThat(paged).as("every line once, in file order, page by page").hasSize(count).isSorted()
                .doesNotHaveDuplicates().startsWith(2).endsWith(count + 1);
        assertThat(desk().get(started.header("Location") + "?limit=1001").status()).isEqualTo(400);
        assertThat(seen).isSorted().allMatch(read -> read <= count).anyMatch(read -> read > 0 && read < count);
        assertThat(eventsOfFile(sha256(csv))).isEqualTo(count);
    }

    @Test
    void quotedCommasQuotesAndLineBreaksAndAByteOrderMarkAreRead() throws Exception {
        String tag = "Quoted " + UUID.randomUUID();
        String csv = "\uFEFF" + HEADER + "\n"
                + line(tag + " one").replace("Study visit", "\"Visit, with \"\"quotes\"\"\nand a second line\"") + "\n"
                + line("\"" + tag + ", two\"") + "\n"
                + "\n"
                + line("\"" + tag + "\nthree\"") + "\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        JsonNode run = finished(post(bytes, false));

        assertThat(run.get("linesTotal").asInt()).isEqualTo(3);
        JsonNode first = lineOf(run, 2);
        JsonNode second = lineOf(run, 4);
        JsonNode third = lineOf(run, 6);
        assertThat(first.get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(second.get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(third.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(third.get("code").asString()).isEqualTo("INVALID_TEXT");
        assertThat(third.get("errors").get(0).get("field").asString()).isEqualTo("requestingOrganisation");

        JsonNode one = desk().getUntil("/api/delegations/" + first.get("delegationId").asString(),
                r -> r.status() == 200, Duration.ofSeconds(20)).json();
        assertThat(one.get("purpose").asString()).isEqualTo("Visit, with \"quotes\"\nand a second line");
        assertThat(one.get("requestingOrganisation").asString()).isEqualTo(tag + " one");
        JsonNode two = desk().getUntil("/api/delegations/" + second.get("delegationId").asString(),
                r -> r.status() == 200, Duration.ofSeconds(20)).json();
        assertThat(two.get("requestingOrganisation").asString()).isEqualTo(tag + ", two");
    }

    @Test
    void aFileNotOfTheDocumentedLayoutIsRefusedWholeNamingWhy() {
        Api.Response unknown = post((HEADER + ",notes\r\n" + line("x") + ",hello\r\n").getBytes(StandardCharsets.UTF_8), true);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("notes");

        Api.Response unterminated = post((HEADER + "\r\n" + line("\"unterminated") + "\r\n")
                .getBytes(StandardCharsets.UTF_8), true);
        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(unterminated.json().get("code").asString()).isEqualTo("MALFORMED_CSV");

        Api.Response unterminatedHeader = post("country,\"dateReceived\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(unterminatedHeader.status()).as(unterminatedHeader.body()).isEqualTo(400);
        assertThat(unterminatedHeader.json().get("code").asString()).isEqualTo("MALFORMED_CSV");
        assertThat(unterminatedHeader.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        byte[] latin1 = (HEADER + "\r\n" + line("Region Sk\u00e5ne") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = post(latin1, true);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("code").asString()).isEqualTo("INVALID_ENCODING");

        // a line longer than any record of the documented columns: refused before the parser holds it
        Api.Response longCell = post((HEADER + "\r\n" + line("\"" + "a".repeat(3_000_000) + "\"") + "\r\n")
                .getBytes(StandardCharsets.UTF_8), true);
        assertThat(longCell.status()).as(longCell.body()).isEqualTo(400);
        assertThat(longCell.json().get("code").asString()).isEqualTo("LINE_TOO_LONG");
        assertThat(longCell.json().get("detail").asString()).contains("starting on line 2");
        // a stray quote inside an unquoted cell is an ordinary character: it does not hide a later long cell
        String bypass = HEADER + "\r\n" + line("Hotel 5\" Ltd") + "\r\n"
                + line("\"" + ("b".repeat(60_000) + "\n").repeat(20) + "\"") + "\r\n";
        Api.Response hidden = post(bypass.getBytes(StandardCharsets.UTF_8), true);
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(400);
        assertThat(hidden.json().get("code").asString()).isEqualTo("LINE_TOO_LONG");
        assertThat(hidden.json().get("detail").asString()).as("the record's first line").contains("on line 3");
        Api.Response longHeader = post(("country," + "x".repeat(70_000) + "\r\n").getBytes(StandardCharsets.UTF_8), true);
        assertThat(longHeader.json().get("code").asString()).isEqualTo("LINE_TOO_LONG");
        Api.Response longColumn = post((HEADER + "," + "n".repeat(5_000) + "\r\n" + line("x") + ",y\r\n")
                .getBytes(StandardCharsets.UTF_8), true);
        assertThat(longColumn.json().get("code").asString()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(longColumn.body().length()).as("the name is not echoed whole").isLessThan(2_000);

        Api.Response empty = post(new byte[0], true);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("code").asString()).isEqualTo("MISSING_HEADER");

        Api.Response notFound = desk().get("/api/imports/IMP-unknown");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aSemicolonSeparatedFileAsADanishSpreadsheetSavesItIsRead() {
        String tag = "Semicolon " + UUID.randomUUID();
        String csv = String.join(";", CsvLayout.COLUMNS) + "\r\n"
                + line(tag).replace(",", ";").replace("Study visit", "\"Visit; with a semicolon\"") + "\r\n";

        JsonNode run = finished(post(csv.getBytes(StandardCharsets.UTF_8), true));

        assertThat(lineOf(run, 2).get("outcome").asString()).as(run.toString()).isEqualTo("WOULD_RECORD");
    }

    @Test
    void aFileCanBeUploadedAsAFormsFileField() {
        String tag = "Upload " + UUID.randomUUID();
        String boundary = "----import" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"history.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HEADER + "\r\n" + line(tag) + "\r\n\r\n--" + boundary + "--\r\n";
        Api.Response started = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?dryRun=true"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = finished(started);
        assertThat(lineOf(run, 2).get("outcome").asString()).isEqualTo("WOULD_RECORD");
    }

    /** A stray quote in an unquoted cell, with more than a line's limit after it, refused a valid file. */
    @Test
    void aStrayQuoteInAnUnquotedCellIsAnOrdinaryCharacter() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(line("Hotel 5\" Ltd " + UUID.randomUUID()));
        for (int i = 0; i < 20; i++) {
            lines.add(line("Long purpose " + i + " " + UUID.randomUUID()).replace("Study visit", "p".repeat(3_900)));
        }

        JsonNode run = finished(post(file(lines), true));

        assertThat(run.get("linesRead").asInt()).isEqualTo(21);
        assertThat(lineOf(run, 2).get("outcome").asString()).as(run.toString()).isEqualTo("WOULD_RECORD");
        assertThat(lineOf(run, 22).get("outcome").asString()).isEqualTo("WOULD_RECORD");
    }

    /** An empty dryRun read as false, so a file meant to be tried was recorded for good; a second file was left out. */
    @Test
    void aDryRunThatIsNeitherTrueNorFalseAndASecondFileAreRefusedByName() {
        byte[] csv = file(List.of(line("Empty dry run " + UUID.randomUUID())));
        Api.Response misspelt = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?dryrun=true"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), Map.of());
        assertThat(misspelt.status()).as("a misspelt dryRun recorded the file").isEqualTo(400);
        assertThat(misspelt.json().get("errors").get(0).get("field").asString()).isEqualTo("dryrun");
        for (String dryRun : List.of("", "yes", "TRUE")) {
            Api.Response refused = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/imports?dryRun=" + dryRun))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)), Map.of());
            assertThat(refused.status()).as("dryRun=" + dryRun).isEqualTo(400);
            assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("dryRun");
        }
        String boundary = "----import" + UUID.randomUUID();
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HEADER + "\r\n" + line("Two files " + UUID.randomUUID()) + "\r\n";
        Api.Response twoFiles = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?dryRun=true"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(part + part + "--" + boundary + "--\r\n")), Map.of());
        assertThat(twoFiles.status()).as(twoFiles.body()).isEqualTo(400);
        assertThat(twoFiles.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        // the same typo as a field of the form, beside the file: ignored, and the file recorded for good
        String field = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryrun\"\r\n\r\ntrue\r\n";
        Api.Response misspeltField = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(part + field + "--" + boundary + "--\r\n")), Map.of());
        assertThat(misspeltField.status()).as(misspeltField.body()).isEqualTo(400);
        assertThat(misspeltField.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(misspeltField.json().get("errors").get(0).get("field").asString()).isEqualTo("dryrun");
        // dryRun sent as a file: 500, and an incident logged for a client's mistake
        String asFile = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"; filename=\"x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\ntrue\r\n";
        Api.Response fileForDryRun = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(part + asFile + "--" + boundary + "--\r\n")), Map.of());
        assertThat(fileForDryRun.status()).as(fileForDryRun.body()).isEqualTo(400);
        assertThat(fileForDryRun.json().get("errors").get(0).get("field").asString()).isEqualTo("dryRun");
    }

    /** A Latin-1 charset label was read as UTF-8 whatever it said; an empty column was named 'header'. */
    @Test
    void aCharsetOtherThanUtf8AndAColumnWithoutANameAreRefusedByName() {
        byte[] csv = file(List.of(line("Latin label " + UUID.randomUUID())));
        Api.Response latin = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?dryRun=true"))
                .header("Content-Type", "text/csv; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)), Map.of());
        assertThat(latin.status()).as(latin.body()).isEqualTo(400);
        assertThat(latin.json().get("code").asString()).isEqualTo("INVALID_ENCODING");
        assertThat(latin.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");

        Api.Response unnamed = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?dryRun=true"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("country,,channel\r\nCN,x,EMBASSY\r\n")), Map.of());
        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(400);
        assertThat(unnamed.json().get("code").asString()).isEqualTo("UNKNOWN_COLUMN");
        assertThat(unnamed.json().get("detail").asString()).contains("a column without a name (column 2)");
    }

    /** A run whose process ended between two writes of its totals is marked interrupted with its lines' totals. */
    @Test
    void aRunMarkedInterruptedCountsItsTotalsFromItsLines() {
        String sha = "f".repeat(48) + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String run = "IMP-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO import_run (id, file_sha256, dry_run, actor, state, file_bytes, lines_total,
                                                lines_read, recorded, started_at)
                        VALUES (:id, :sha, false, 'desk', 'RUNNING', 100, 4, 1, 1, now())""")
                .param("id", run).param("sha", sha).update();
        for (String[] line : new String[][]{{"2", "RECORDED"}, {"3", "RECORDED"}, {"4", "REFUSED"},
                {"5", "ALREADY_RECORDED"}}) {
            jdbc.sql("INSERT INTO import_line (run_id, line_number, outcome) VALUES (:id, :line, :outcome)")
                    .param("id", run).param("line", Integer.parseInt(line[0])).param("outcome", line[1]).update();
        }

        store.interruptStale(sha, java.util.Set.of());

        ImportView interrupted = store.find(run).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(ImportState.INTERRUPTED);
        assertThat(List.of(interrupted.linesRead(), interrupted.recorded(), interrupted.alreadyRecorded(),
                interrupted.refused())).containsExactly(4, 2, 1, 1);
    }

    /**
     * A cleaner of the temporary folder deleted the application's upload folder: every import and spreadsheet was a
     * 500 until a restart. The folder is moved aside here, and what it held put back after.
     */
    @Test
    void anUploadFolderDeletedWhileTheApplicationRunsIsMadeAgain() throws Exception {
        java.nio.file.Path folder = uploads.path();
        java.nio.file.Path aside = folder.resolveSibling(folder.getFileName() + "-aside");
        java.nio.file.Files.move(folder, aside);
        try {
            JsonNode run = finished(post(file(List.of(line("Folder gone " + UUID.randomUUID()))), true));
            assertThat(lineOf(run, 2).get("outcome").asString()).isEqualTo("WOULD_RECORD");
            Api.Response spreadsheet = desk().get("/api/reports/annual/2027?format=xlsx");
            assertThat(spreadsheet.status()).as(spreadsheet.body()).isEqualTo(200);
            // once more, for the container's multipart parts (the import page's)
            try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.walk(folder)) {
                for (java.nio.file.Path path : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(path);
                }
            }
            String boundary = "----import" + UUID.randomUUID();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"h.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + HEADER + "\r\n" + line("Gone again " + UUID.randomUUID())
                    + "\r\n\r\n--" + boundary + "--\r\n";
            Api.Response uploaded = desk().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/imports?dryRun=true"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(202);
            assertThat(lineOf(finished(uploaded), 2).get("outcome").asString()).isEqualTo("WOULD_RECORD");
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> held = java.nio.file.Files.list(aside)) {
                java.nio.file.Files.createDirectories(folder);
                for (java.nio.file.Path file : held.toList()) {
                    java.nio.file.Files.move(file, folder.resolve(file.getFileName()));
                }
            }
            java.nio.file.Files.delete(aside);
        }
    }
}
