package dk.greatercph.ope.platform.database;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** The answer while the database cannot be reached. */
public enum DatabaseProblem implements ProblemCode {
    DATABASE_UNAVAILABLE(503,
            "The database is unreachable; retry after Retry-After (with the same Idempotency-Key, if one was sent).");

    private final int status;
    private final String meaning;

    DatabaseProblem(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
