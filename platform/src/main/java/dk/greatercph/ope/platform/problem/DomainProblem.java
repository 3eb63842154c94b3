package dk.greatercph.ope.platform.problem;

import java.util.Objects;

/**
 * A refusal the domain gives, with a stable code that clients and auditors can rely on. It travels with a
 * command's result as {@link Details}, so it is answered the same whether the command ran in this process or
 * in another.
 */
public class DomainProblem extends RuntimeException {

    private final Details details;

    public DomainProblem(String code, ProblemKind kind, String detail) {
        super(detail);
        this.details = new Details(code, kind, detail);
    }

    /**
     * The one answer for a resource that does not exist and for one the caller may not see: the same status,
     * code, title and detail as an unknown aggregate, so that the two cannot be told apart.
     */
    public static DomainProblem notFound() {
        return new DomainProblem("NOT_FOUND", ProblemKind.NOT_FOUND, "No such resource.");
    }

    /** Bad input: a 400 with {@code code}. */
    public static DomainProblem invalid(String code, String detail) {
        return new DomainProblem(code, ProblemKind.INVALID_INPUT, detail);
    }

    /** Refuses a missing or blank text as bad input with {@code code}. */
    public static void requireText(String value, String code, String detail) {
        if (value == null || value.isBlank()) {
            throw invalid(code, detail);
        }
    }

    public Details details() {
        return details;
    }

    /** The serializable form of a domain problem. */
    public record Details(String code, ProblemKind kind, String detail) {
        public Details {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
