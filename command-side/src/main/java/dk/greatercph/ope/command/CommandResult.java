package dk.greatercph.ope.command;

import dk.greatercph.ope.platform.idempotency.RecordedRefusal;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/**
 * What a command handler answers: the aggregate's new version, and — when the command was a refusal that is
 * itself recorded as an event — the problem the client is to receive. A recorded refusal must commit, so it
 * is returned rather than thrown.
 */
public record CommandResult(long version, DomainProblem.Details refusal) {

    /** The command was carried out. */
    public static CommandResult done() {
        return new CommandResult(AggregateVersion.current(), null);
    }

    /** The command was refused, and the refusal was recorded as an event. */
    public static CommandResult refused(ProblemCode code, String detail) {
        return new CommandResult(AggregateVersion.current(),
                new DomainProblem.Details(code.name(), ProblemKind.of(code.status()), detail));
    }

    /** The version, or the recorded refusal thrown as the problem the client receives. */
    public long versionOrThrow() {
        if (refusal != null) {
            RecordedRefusal.mark();
            throw new DomainProblem(refusal.code(), refusal.kind(), refusal.detail());
        }
        return version;
    }
}
