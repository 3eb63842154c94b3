package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of who read whose personal data, and when. While a read request runs, every person whose sealed
 * fields are opened ({@link PersonalData#open}) or whose fields a view shows ({@link #shown}) is noted; when the
 * request ends, one row names the reader, the request and those people.
 */
public class PersonalDataReads {

    private static final ThreadLocal<Set<String>> READ = new ThreadLocal<>();

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public PersonalDataReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that the current read request shows these people's personal fields. */
    public static void shown(Collection<String> personIds) {
        Set<String> read = READ.get();
        if (read != null) {
            read.addAll(personIds);
        }
    }

    static void opened(PersonId person) {
        shown(List.of(person.value()));
    }

    /** Starts noting for the current request; {@link #finish} records what was noted. */
    void start() {
        READ.set(new TreeSet<>());
    }

    void finish(CurrentUser reader, String request) {
        Set<String> read = READ.get();
        READ.remove();
        if (read == null || read.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO personal_data_read (read_at, actor, actor_role, actor_operator_id, request, person_ids)
                        VALUES (:at, :actor, :role, :operator, :request, :persons)
                        """)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", reader == null ? "anonymous" : reader.name())
                .param("role", reader == null ? null : reader.role().name())
                .param("operator", reader == null ? null : reader.operatorId())
                .param("request", request.length() > 2000 ? request.substring(0, 2000) : request)
                .param("persons", read.toArray(String[]::new)).update();
    }

    /**
     * Recorded reads, newest first, optionally of one person, by one actor, from a moment on: at most {@code limit}
     * older than the read {@code before} (from the newest when null).
     */
    public List<PersonalDataRead> find(String personId, String actor, Instant from, Long before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM personal_data_read
                        WHERE (CAST(:person AS TEXT) IS NULL OR person_ids @> ARRAY[CAST(:person AS TEXT)])
                          AND (CAST(:actor AS TEXT) IS NULL OR actor = :actor)
                          AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR read_at >= :from)
                          AND (CAST(:before AS BIGINT) IS NULL OR read_id < :before)
                        ORDER BY read_id DESC LIMIT :limit
                        """)
                .param("person", personId).param("actor", actor).param("before", before)
                .param("from", from == null ? null : OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, n) -> new PersonalDataRead(rs.getLong("read_id"),
                        rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("actor_operator_id"), rs.getString("request"),
                        strings(rs.getArray("person_ids"))))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** One recorded read: who read the personal data of which people, when, through which request. */
    public record PersonalDataRead(long id, Instant readAt, String actor, String actorRole, String actorOperatorId,
                                   String request, List<String> personIds) {
    }
}
