package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.query.support.QueryDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's writes, sent when it commits with equal statements put together, leave the rows that sending them one
 * by one in the handlers' order leaves: each delegation's writes keep their order, and a write of no one delegation
 * divides the batch.
 */
class ProjectionWritesTest {

    private static final String GROUP = "projection-writes-test";
    private static final String APPEND = "UPDATE projection_writes_test SET log = log || :step WHERE id = :id";
    private static final String UPPER = "UPDATE projection_writes_test SET log = upper(log) WHERE id = :id";
    private static final String INSERT = "INSERT INTO projection_writes_test (id, log) VALUES (:id, '')";
    private static final String EVERY_ROW = "UPDATE projection_writes_test SET log = log || '|' WHERE id LIKE :run";

    private final ProjectionWrites writes = new ProjectionWrites(QueryDatabase.dataSource());

    @BeforeAll
    static void table() {
        QueryDatabase.jdbc().sql("CREATE TABLE IF NOT EXISTS projection_writes_test (id TEXT PRIMARY KEY, log TEXT NOT NULL)")
                .update();
    }

    @Test
    void aBatchOfManyDelegationsLeavesWhatOneWriteAtATimeLeaves() {
        String run = UUID.randomUUID() + "-";
        Random random = new Random(17);
        List<String[]> steps = new ArrayList<>();
        List<String> started = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            int pick = random.nextInt(10);
            if (started.isEmpty() || pick == 0) {
                started.add(run + started.size());
                steps.add(new String[] {INSERT, started.get(started.size() - 1), null});
            } else if (pick == 1) {
                steps.add(new String[] {EVERY_ROW, null, null});
            } else {
                String id = started.get(random.nextInt(started.size()));
                steps.add(pick < 4 ? new String[] {UPPER, id, null}
                        : new String[] {APPEND, id, Character.toString('a' + random.nextInt(26))});
            }
        }

        new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("batch"))).execute(() -> steps.forEach(step -> {
            var write = writes.sql(GROUP, step[0]).param("id", step[1]).param("step", step[2]).param("run", run + "%");
            (step[1] == null ? write : write.of(step[1])).update();
        }));

        assertThat(rows(run)).isEqualTo(oneAtATime(steps));
    }

    @Test
    void equalStatementsOfDifferentDelegationsGoTogetherAndEachDelegationKeepsItsOrder() {
        List<ProjectionWrites.Write> batch = new ArrayList<>();
        for (String id : List.of("d1", "d2", "d3")) {
            batch.add(writes.sql(GROUP, INSERT).param("id", id).of(id));
            batch.add(writes.sql(GROUP, APPEND).param("id", id).param("step", "x").of(id));
            batch.add(writes.sql(GROUP, APPEND).param("id", id).param("step", "y").of(id));
            batch.add(writes.sql(GROUP, UPPER).param("id", id).of(id));
        }
        batch.add(writes.sql(GROUP, EVERY_ROW).param("run", "d%"));
        batch.add(writes.sql(GROUP, INSERT).param("id", "d4").of("d4"));
        batch.add(writes.sql(GROUP, UPPER).param("id", "d3").of("d3"));
        batch.add(writes.sql(GROUP, INSERT).param("id", "d5").of("d5"));

        List<ProjectionWrites.Write> together = ProjectionWrites.together(batch);

        assertThat(together).extracting(ProjectionWrites.Write::toString).containsExactly(
                "d1 " + INSERT, "d2 " + INSERT, "d3 " + INSERT,
                "d1 " + APPEND, "d1 " + APPEND, "d2 " + APPEND, "d2 " + APPEND, "d3 " + APPEND, "d3 " + APPEND,
                "d1 " + UPPER, "d2 " + UPPER, "d3 " + UPPER,
                "- " + EVERY_ROW,
                "d4 " + INSERT, "d5 " + INSERT, "d3 " + UPPER);
    }

    @Test
    void valuesAreBoundByPlaceAsSpringsTemplateBindsThemByName() {
        QueryDatabase.jdbc().sql("""
                CREATE TABLE IF NOT EXISTS projection_writes_bound (id TEXT PRIMARY KEY, n BIGINT, twice BIGINT,
                    at TIMESTAMPTZ, tags TEXT[], note TEXT)""").update();
        String sql = """
                INSERT INTO projection_writes_bound (id, n, twice, at, tags, note)
                VALUES (:id, :n, :n * 2, :at, :tags, :note)""";
        String run = UUID.randomUUID().toString();
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:30:00+01:00");

        new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("batch"))).execute(() -> {
            writes.sql(GROUP, sql).param("id", run + "-a").param("n", 21L).param("at", at)
                    .param("tags", new String[] {"x", "y"}).param("note", "Ø \\ '").param("unused", 1)
                    .of(run + "-a").update();
            writes.sql(GROUP, sql).param("note", null).param("tags", null).param("at", null).param("n", null)
                    .param("id", run + "-b").of(run + "-b").update();
            writes.sql(GROUP, "UPDATE projection_writes_bound SET twice = twice + 1 WHERE id IN (:ids)")
                    .param("ids", List.of(run + "-a", run + "-b")).update();
        });

        assertThat(QueryDatabase.jdbc().sql("""
                        SELECT id, n, twice, at, array_to_string(tags, ',') AS tags, note FROM projection_writes_bound
                        WHERE id LIKE :run ORDER BY id""").param("run", run + "%")
                .query((rs, i) -> rs.getString("id").substring(run.length()) + " " + rs.getObject("n") + " "
                        + rs.getObject("twice") + " " + rs.getObject("at", OffsetDateTime.class) + " "
                        + rs.getString("tags") + " " + rs.getString("note")).list())
                // the collection was expanded into a list of placeholders, as the template does
                .containsExactly("-a 21 43 2026-03-01T08:30Z x,y Ø \\ '", "-b null null null null null");

        ResultMessage<?> refused = new BatchingUnitOfWork<>(List.of(GenericEventMessage.asEventMessage("batch")))
                .executeWithResult(() -> {
                    writes.sql(GROUP, sql).param("id", run + "-c").param("at", at).of(run + "-c").update();
                    return null;
                });
        assertThat(refused.isExceptional()).isTrue();
        assertThat(refused.exceptionResult()).hasStackTraceContaining("No value supplied for the SQL parameter 'n'");
    }

    private static Map<String, String> rows(String run) {
        return QueryDatabase.jdbc().sql("SELECT id, log FROM projection_writes_test WHERE id LIKE :run")
                .param("run", run + "%").query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("log")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** What the steps leave when each is applied alone, in order. */
    private static Map<String, String> oneAtATime(List<String[]> steps) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String[] step : steps) {
            switch (step[0]) {
                case INSERT -> rows.put(step[1], "");
                case APPEND -> rows.computeIfPresent(step[1], (id, log) -> log + step[2]);
                case UPPER -> rows.computeIfPresent(step[1], (id, log) -> log.toUpperCase());
                default -> rows.replaceAll((id, log) -> log + "|");
            }
        }
        return rows;
    }
}
