package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.database.DatabaseFailures;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in an exception's causes, including the
 * next exceptions of a failed batch, so that a second first event of an aggregate is reported as a duplicate
 * (409) and not as a storage failure.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        if (DatabaseFailures.isOutOfResources(exception)) {
            // a full disk failed the append: told as an aggregate id "reused" (a 500) instead of the database's want
            return false;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
