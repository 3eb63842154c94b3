package dk.greatercph.ope.app.durability;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.platform.database.DatabaseAvailability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault probe filled the database's disk under load: the appends failed with PostgreSQL's "could not extend file
 * … No space left on device" (SQLSTATE 53100), and the commands were answered 500 as incidents, many of them as an
 * aggregate id "reused", while readiness said UP for a minute of failing writes. Here the append meets the same
 * state, raised by a trigger on the event table for one marked request: the answer is 503 with Retry-After, nothing is
 * recorded, and readiness is DOWN naming the refusal.
 */
@OpeIntegrationTest
class OutOfRoomTest {

    private static final String MARKER = "OUT-OF-ROOM-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DatabaseAvailability availability;

    @AfterEach
    void roomAgain() {
        jdbc.sql("DROP TRIGGER IF EXISTS out_of_room ON domainevententry").update();
        jdbc.sql("DROP FUNCTION IF EXISTS out_of_room()").update();
        // readiness would say DOWN for the rest of its window, to the other tests of this context
        ReflectionTestUtils.setField(availability, "writesRefusedAt", null);
    }

    @Test
    void anAppendRefusedForWantOfRoomIsA503AndReadinessSaysSo() {
        jdbc.sql("""
                CREATE FUNCTION out_of_room() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF position('%s' IN convert_from(NEW.payload, 'UTF8')) > 0 THEN
                        RAISE EXCEPTION 'could not extend file "base/5/16384": No space left on device'
                            USING ERRCODE = '53100';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(MARKER)).update();
        jdbc.sql("CREATE TRIGGER out_of_room BEFORE INSERT ON domainevententry FOR EACH ROW EXECUTE FUNCTION out_of_room()")
                .update();
        Api desk = new Api(port).as("desk");

        Api.Response refused = desk.post("/api/venues", "{\"name\":\"" + MARKER + "\",\"capacity\":3}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refused.json().get("detail").asString()).contains("nothing was recorded");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE position(:marker IN convert_from(payload, 'UTF8')) > 0")
                .param("marker", MARKER).query(Long.class).single()).isZero();
        Api.Response readiness = new Api(port).get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(new Api(port).as("admin").get("/actuator/health").body()).contains("writesRefused", "No space left");

        assertThat(desk.post("/api/venues", "{\"name\":\"Room " + UUID.randomUUID() + "\",\"capacity\":3}").status())
                .as("other writes go on").isEqualTo(201);
    }
}
