package dk.greatercph.ope.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, when the start is refused, why and what to change. */
class UnsafeCommitsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeCommitsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeCommitsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Make every commit durable on the database the events are written to: set synchronous_commit = on "
                        + "and fsync = on (postgresql.conf, or ALTER SYSTEM / ALTER DATABASE / ALTER ROLE ... SET "
                        + "synchronous_commit = on). To run anyway and accept losing acknowledged writes in a crash, "
                        + "set ope.durability.accept-unsafe-commits=true.",
                cause);
    }
}
