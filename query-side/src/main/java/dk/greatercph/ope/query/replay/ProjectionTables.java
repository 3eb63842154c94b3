package dk.greatercph.ope.query.replay;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties a projection's tables for its replay with {@code TRUNCATE}, through {@code projection_reset} (migrations
 * V250, V251), which lists the tables of each projection it serves and runs with their owner's rights: the application's
 * role may lack {@code TRUNCATE}. Rows deleted instead stayed in the tables and their indexes, dead, while the replay
 * inserted the same keys again.
 */
public final class ProjectionTables {

    private ProjectionTables() {
    }

    /** Empties the tables V250 lists for {@code projection}; PostgreSQL refuses a name it does not list. */
    public static void reset(JdbcClient jdbc, String projection) {
        jdbc.sql("SELECT projection_reset(:projection)").param("projection", projection).query().listOfRows();
    }
}
