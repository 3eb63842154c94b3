package dk.greatercph.ope.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Boot's {@link JdbcTransactionManager}, except that it does not roll back on a connection the pool has already
 * closed. The pool closes a connection whose socket broke or timed out, and PostgreSQL ends that session's open
 * transaction by itself. Spring rolls back after a failed commit; on a closed connection that rollback failed with
 * "Connection is closed", and its exception replaced the commit's own. So a commit whose answer was lost (the driver's
 * socket timeout, a database that stopped answering) reached the problem advice as an unexpected error and was
 * answered 500, where every other broken connection is answered 503 with {@code Retry-After} ({@link DatabaseFailures}).
 * With the rollback left out, the commit's exception is the one thrown.
 */
final class ClosedConnectionTransactionManager extends JdbcTransactionManager {

    private static final Logger log = LoggerFactory.getLogger(ClosedConnectionTransactionManager.class);

    ClosedConnectionTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        if (status.getTransaction() instanceof JdbcTransactionObjectSupport transaction
                && transaction.hasConnectionHolder() && closed(transaction.getConnectionHolder().getConnection())) {
            log.debug("No rollback on a closed connection: its session's transaction ended with it");
            return;
        }
        super.doRollback(status);
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
