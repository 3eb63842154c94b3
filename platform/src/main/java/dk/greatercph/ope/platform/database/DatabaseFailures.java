package dk.greatercph.ope.platform.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.function.Predicate;

/** Tells a failure that means "the database is away" from every other failure, wherever it was wrapped. */
public final class DatabaseFailures {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String CLOSED_CONNECTION = "Connection is closed";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    private DatabaseFailures() {
    }

    /**
     * {@code true} when {@code failure} or one of its causes says that no connection could be had or that an
     * open connection broke: pool timeouts, refused or timed-out sockets, SQL states of class 08 (connection
     * exception) and 57P01–57P03 (the server shutting down, crashed or not yet accepting connections), and 25P03 and
     * 57P05 (the server ended a session idle in its transaction, or idle: a fault probe's paused server did, and the
     * aborted append was answered 500 as a duplicate id, where nothing was recorded).
     */
    public static boolean isUnavailable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")
                        || sql.getSQLState().equals("25P03") || sql.getSQLState().equals("57P05"))
                || isPoolsClosedConnection(cause));
    }

    /**
     * The pool's stand-in for a connection it evicted as broken while a statement was being made on it: Hikari throws
     * {@code SQLException("Connection is closed")} without a SQL state, which was answered 500.
     */
    private static boolean isPoolsClosedConnection(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() == null
                && CLOSED_CONNECTION.equals(sql.getMessage());
    }

    /**
     * {@code true} when {@code failure} or one of its causes is PostgreSQL's {@code lock_not_available} (55P03): a
     * lock was not granted within its {@code lock_timeout}, and the statement (or the commit) failed; its transaction
     * is rolled back, so nothing of it was recorded.
     */
    public static boolean isLockTimeout(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql
                && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()));
    }

    /**
     * {@code true} when {@code failure} or one of its causes is PostgreSQL ending a transaction because of another at
     * the same time: a deadlock it broke by choosing this one (40P01) or a serialisation failure (40001). The
     * transaction is rolled back, so nothing of it was recorded, and the same request may succeed when sent again.
     */
    public static boolean isTransactionConflict(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql
                && (DEADLOCK_DETECTED.equals(sql.getSQLState()) || SERIALIZATION_FAILURE.equals(sql.getSQLState())));
    }

    /** Whether {@code failure} or one of its causes (at most 32 deep, a cause that is its own cause ends it) is so. */
    /**
     * {@code true} when PostgreSQL refused for want of resources, SQLSTATE class 53: the disk full (53100), out of
     * memory (53200), too many connections (53300). Nothing was recorded, and the same request may succeed once the
     * resource is back; it was answered 500 as an incident (with a full disk even as an aggregate id "reused").
     */
    public static boolean isOutOfResources(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && hasState(sql, "53"));
    }

    /** Whether {@code sql} or one it chains ({@link SQLException#getNextException()}) has a state of that class. */
    static boolean hasState(SQLException sql, String statePrefix) {
        int depth = 0;
        for (SQLException next = sql; next != null && depth < 32; next = next.getNextException(), depth++) {
            if (next.getSQLState() != null && next.getSQLState().startsWith(statePrefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> is) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (is.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
