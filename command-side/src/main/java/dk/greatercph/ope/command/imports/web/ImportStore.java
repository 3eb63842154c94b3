package dk.greatercph.ope.command.imports.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The import runs, their lines, and per file the lines recorded: the command side's own bookkeeping tables. */
@Component
class ImportStore {

    private static final TypeReference<List<ImportLineView.FieldProblem>> ERRORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ImportStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void start(String id, String sha256, boolean dryRun, String actor, long fileBytes, int linesTotal) {
        jdbc.sql("""
                        INSERT INTO import_run (id, file_sha256, dry_run, actor, state, file_bytes, lines_total, started_at)
                        VALUES (:id, :sha, :dry, :actor, 'RUNNING', :bytes, :total, :at)
                        """)
                .param("id", id).param("sha", sha256).param("dry", dryRun).param("actor", actor)
                .param("bytes", fileBytes).param("total", linesTotal).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The latest real run of a file, if any. */
    Optional<ImportView> latestRealRun(String sha256) {
        return jdbc.sql("SELECT id FROM import_run WHERE file_sha256 = :sha AND NOT dry_run "
                        + "ORDER BY started_at DESC, id LIMIT 1")
                .param("sha", sha256).query(String.class).optional().flatMap(this::find);
    }

    /**
     * Marks a run interrupted with its totals counted from its lines: the totals are written every 20 lines, so a run
     * whose process ended between two writes said {@code recorded 240} beside 257 recorded lines.
     */
    private static final String INTERRUPT = """
            UPDATE import_run r SET state = 'INTERRUPTED',
                   (lines_read, recorded, already_recorded, refused) = (
                       SELECT count(*), count(*) FILTER (WHERE outcome IN ('RECORDED', 'WOULD_RECORD')),
                              count(*) FILTER (WHERE outcome = 'ALREADY_RECORDED'),
                              count(*) FILTER (WHERE outcome = 'REFUSED')
                       FROM import_line l WHERE l.run_id = r.id)""";

    /** Marks the file's runs that say RUNNING but are not running (their process ended) as interrupted. */
    void interruptStale(String sha256, java.util.Set<String> alive) {
        for (String id : jdbc.sql("SELECT id FROM import_run WHERE file_sha256 = :sha AND state = 'RUNNING'")
                .param("sha", sha256).query(String.class).list()) {
            if (!alive.contains(id)) {
                jdbc.sql(INTERRUPT + " WHERE id = :id AND state = 'RUNNING'").param("id", id).update();
            }
        }
    }

    /** Marks every run that says RUNNING as interrupted; returns how many. */
    int interruptAllRunning() {
        return jdbc.sql(INTERRUPT + " WHERE state = 'RUNNING'").update();
    }

    /** The lines of a file that real runs recorded, by line number. */
    Map<Integer, String> recordedLines(String sha256) {
        return jdbc.sql("SELECT line_number, delegation_id FROM import_recorded_line WHERE file_sha256 = :sha")
                .param("sha", sha256)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One judged line; a recorded one is also claimed for its file, once. */
    void line(String runId, String sha256, ImportLineView line) {
        line(runId, sha256, line, true);
    }

    /**
     * One judged line; a recorded one is claimed for its file only if {@code claim}: a dry run's repeat of an
     * earlier line of its file names a delegation nothing has recorded yet.
     */
    void line(String runId, String sha256, ImportLineView line, boolean claim) {
        jdbc.sql("""
                        WITH judged AS (
                            INSERT INTO import_line (run_id, line_number, outcome, delegation_id, code, detail, errors)
                            VALUES (:run, :line, :outcome, :delegation, :code, :detail, :errors)
                            -- noted again after the database went away in the middle of noting it
                            ON CONFLICT DO NOTHING)
                        INSERT INTO import_recorded_line (file_sha256, line_number, delegation_id, run_id)
                        SELECT CAST(:sha AS TEXT), CAST(:line AS INTEGER), CAST(:delegation AS TEXT), CAST(:run AS TEXT)
                        WHERE CAST(:recorded AS BOOLEAN) ON CONFLICT DO NOTHING
                        """)
                .param("run", runId).param("line", line.line()).param("outcome", line.outcome().name())
                .param("delegation", line.delegationId()).param("code", line.code()).param("detail", line.detail())
                .param("errors", line.errors() == null ? null : json.writeValueAsString(line.errors()))
                .param("sha", sha256)
                .param("recorded", claim && (line.outcome() == LineOutcome.RECORDED
                        || line.outcome() == LineOutcome.ALREADY_RECORDED))
                .update();
    }

    void progress(String runId, Counts counts) {
        jdbc.sql("""
                        UPDATE import_run SET lines_read = :read, recorded = :recorded,
                               already_recorded = :already, refused = :refused WHERE id = :id
                        """)
                .param("read", counts.read).param("recorded", counts.recorded).param("already", counts.already)
                .param("refused", counts.refused).param("id", runId).update();
    }

    void finish(String runId, Counts counts, ImportState state, String failureCode, String failureDetail) {
        progress(runId, counts);
        jdbc.sql("""
                        UPDATE import_run SET state = :state, finished_at = :at, failure_code = :code,
                               failure_detail = :detail WHERE id = :id
                        """)
                .param("state", state.name()).param("at", Timestamp.from(clock.instant()))
                .param("code", failureCode).param("detail", failureDetail).param("id", runId).update();
    }

    /** A run; its lines once it is over (while it runs, its totals only, cheap to poll for a progress bar). */
    Optional<ImportView> find(String id) {
        return find(id, 0, ImportView.LINES_PER_PAGE);
    }

    /** The run, and once it is over, a page of its lines: up to {@code limit} after line {@code after}. */
    Optional<ImportView> find(String id, int after, int limit) {
        return jdbc.sql("SELECT * FROM import_run WHERE id = :id").param("id", id)
                .query((rs, n) -> run(rs, List.of())).optional()
                .map(run -> {
                    List<ImportLineView> page = run.state() == ImportState.RUNNING ? null : lines(id, after, limit + 1);
                    Integer next = null;
                    if (page != null && page.size() > limit) {
                        page = page.subList(0, limit);
                        next = page.get(limit - 1).line();
                    }
                    return new ImportView(run.id(), run.fileSha256(), run.dryRun(), run.state(), run.actor(),
                            run.fileBytes(), run.linesTotal(), run.linesRead(), run.recorded(), run.alreadyRecorded(),
                            run.refused(), run.startedAt(), run.finishedAt(), run.failureCode(), run.failureDetail(),
                            page, next);
                });
    }

    private List<ImportLineView> lines(String runId, int after, int limit) {
        return jdbc.sql("""
                        SELECT line_number, outcome, delegation_id, code, detail, errors
                        FROM import_line WHERE run_id = :run AND line_number > :after ORDER BY line_number LIMIT :limit
                        """)
                .param("run", runId).param("after", after).param("limit", limit)
                .query((rs, n) -> new ImportLineView(rs.getInt(1), LineOutcome.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6) == null ? null : json.readValue(rs.getString(6), ERRORS)))
                .list();
    }

    private static ImportView run(ResultSet rs, List<ImportLineView> lines) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportView(rs.getString("id"), rs.getString("file_sha256"), rs.getBoolean("dry_run"),
                ImportState.valueOf(rs.getString("state")), rs.getString("actor"), rs.getLong("file_bytes"),
                rs.getInt("lines_total"), rs.getInt("lines_read"), rs.getInt("recorded"),
                rs.getInt("already_recorded"), rs.getInt("refused"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("failure_code"),
                rs.getString("failure_detail"), lines, null);
    }

    /** A run's running totals. */
    static final class Counts {
        int read;
        int recorded;
        int already;
        int refused;
    }
}
