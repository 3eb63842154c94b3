package dk.greatercph.ope.query;

import dk.greatercph.ope.query.support.QueryDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delegation's row in the KPIs, the schedule and the notifier, inserted as it is registered and updated as its life
 * goes on (V280), keeps nearly every new version on its page, so that no index gets an entry for that update (a
 * heap-only tuple), even when many delegations are registered and updated in one processor batch. Counted by
 * PostgreSQL within the transaction, which is rolled back.
 */
class DelegationRowVersionsTest {

    private static final int DELEGATIONS = 300;

    @Test
    void theKpisAndTheSchedulesRowsTakeTwoUpdatesAndTheNotifiersOneOnTheirPages() throws SQLException {
        String run = "DEL-" + UUID.randomUUID() + "-";
        try (Connection connection = QueryDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                // counted from here: the connection's counts may still hold an earlier transaction's, not yet reported
                long[] kpis = counts(connection, "kpi_delegation");
                long[] schedule = counts(connection, "schedule_delegation");
                long[] notifier = counts(connection, "notification_delegation");
                // as the batch sends them: every delegation's insert, then each update of them all
                each(connection, run, """
                        INSERT INTO kpi_delegation (delegation_id, year, delegation_type, origin_province, country,
                            version) VALUES (?, 2026, 'BUSINESS', 'Jiangsu', 'CN', 0)""");
                each(connection, run, """
                        INSERT INTO schedule_delegation (delegation_id, organisation, status, version)
                        VALUES (?, 'Jiangsu Provincial Department of Commerce', 'OPEN', 0)""");
                each(connection, run, """
                        INSERT INTO notification_delegation (delegation_id, organisation)
                        VALUES (?, 'Jiangsu Provincial Department of Commerce')""");
                each(connection, run, """
                        UPDATE kpi_delegation SET lead_operator = 'copcap', version = 2 WHERE delegation_id = ?""");
                each(connection, run, """
                        UPDATE kpi_delegation SET completed = TRUE, investment_leads = 3, mous = 2,
                            companies_established = 1, jobs_created = 40, tourists = 12, overnight_stays = 36,
                            version = 9 WHERE delegation_id = ?""");
                each(connection, run, """
                        UPDATE schedule_delegation SET operators = '{copcap,woco}', version = 2
                        WHERE delegation_id = ?""");
                each(connection, run, """
                        UPDATE schedule_delegation SET status = 'CONFIRMED', version = 8 WHERE delegation_id = ?""");
                each(connection, run, "UPDATE notification_delegation SET confirmed = true WHERE delegation_id = ?");

                assertThat(updatesSince(connection, "kpi_delegation", kpis)).isEqualTo(2 * DELEGATIONS);
                assertThat(updatesSince(connection, "schedule_delegation", schedule)).isEqualTo(2 * DELEGATIONS);
                assertThat(updatesSince(connection, "notification_delegation", notifier)).isEqualTo(DELEGATIONS);
            } finally {
                connection.rollback();
            }
        }
    }

    private static void each(Connection connection, String run, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int n = 0; n < DELEGATIONS; n++) {
                statement.setString(1, run + n);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * How many rows of {@code table} were updated since {@code before}, once at least 95 % of them kept their new
     * version on its page (a longer row takes more room than its page may have left).
     */
    private static long updatesSince(Connection connection, String table, long[] before) throws SQLException {
        long[] now = counts(connection, table);
        long hot = now[0] - before[0];
        long updated = now[1] - before[1];
        assertThat(hot).as("updates of %s that stayed on their page", table).isGreaterThanOrEqualTo(updated * 95 / 100);
        return updated;
    }

    /** The updates of {@code table} that stayed on their page, and all its updates, counted by this connection. */
    private static long[] counts(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT pg_stat_get_xact_tuples_hot_updated(CAST(? AS regclass)) AS hot,
                       pg_stat_get_xact_tuples_updated(CAST(? AS regclass)) AS updated""")) {
            statement.setString(1, table);
            statement.setString(2, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new long[] {row.getLong("hot"), row.getLong("updated")};
            }
        }
    }
}
