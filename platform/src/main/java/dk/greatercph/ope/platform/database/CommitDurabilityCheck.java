package dk.greatercph.ope.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Checked once at start: the database the application writes to must acknowledge a commit only once it is
 * on disk. {@code synchronous_commit = off} (or {@code fsync = off}) lets a 2xx be lost when PostgreSQL
 * crashes, so the start is refused unless {@code ope.durability.accept-unsafe-commits=true} accepts it.
 */
final class CommitDurabilityCheck {

    private static final Logger log = LoggerFactory.getLogger(CommitDurabilityCheck.class);

    private final String synchronousCommit;
    private final String fsync;

    private CommitDurabilityCheck(String synchronousCommit, String fsync) {
        this.synchronousCommit = synchronousCommit;
        this.fsync = fsync;
    }

    /** Reads the settings as the application's own connections see them and refuses unsafe ones. */
    static CommitDurabilityCheck verify(DataSource dataSource, DurabilityProperties properties) {
        CommitDurabilityCheck check;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            check = new CommitDurabilityCheck(show(statement, "synchronous_commit"), show(statement, "fsync"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read synchronous_commit and fsync from the database", e);
        }
        if (check.durable()) {
            log.info("Commits are durable before they are acknowledged (synchronous_commit={}, fsync={})",
                    check.synchronousCommit, check.fsync);
        } else if (properties.acceptUnsafeCommits()) {
            log.warn("UNSAFE: the database acknowledges commits before they are durable (synchronous_commit={}, "
                    + "fsync={}); ope.durability.accept-unsafe-commits=true accepts that a crash may lose "
                    + "requests already answered 2xx", check.synchronousCommit, check.fsync);
        } else {
            throw new UnsafeCommitsException(check.synchronousCommit, check.fsync);
        }
        return check;
    }

    /** {@code on}, {@code local}, {@code remote_write} and {@code remote_apply} all wait for the local flush. */
    boolean durable() {
        return !"off".equals(synchronousCommit) && !"off".equals(fsync);
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1).trim().toLowerCase(Locale.ROOT);
        }
    }
}
