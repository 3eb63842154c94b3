package dk.greatercph.ope.platform.problem;

import java.util.Objects;

/**
 * A refusal the domain gives, with a stable code that clients and auditors can rely on. It travels with a
 * command's result as {@link Details}, so it is answered the same whether the command ran in this process or
 * in another.
 */
public class DomainProblem extends RuntimeException {

    private final Details details;

    /** A refusal with a typed code; its status must be one a {@link ProblemKind} answers with. */
    public DomainProblem(ProblemCode code, String detail) {
        this(code.name(), ProblemKind.of(code.status()), detail);
    }

    /** A refusal of what the request's field {@code field} holds: answered with {@code errors[]} naming it. */
    public DomainProblem(ProblemCode code, String field, String detail) {
        super(detail);
        this.details = new Details(code.name(), ProblemKind.of(code.status()), detail, field);
    }

    /**
     * Rebuilds a problem from the code and kind it travelled with as {@link Details}; new refusals name a
     * {@link ProblemCode} instead.
     */
    public DomainProblem(String code, ProblemKind kind, String detail) {
        super(detail);
        this.details = new Details(code, kind, detail);
    }

    /**
     * The one answer for a resource that does not exist and for one the caller may not see: the same status,
     * code, title and detail as an unknown aggregate, so that the two cannot be told apart.
     */
    public static DomainProblem notFound() {
        return new DomainProblem(GeneralProblem.NOT_FOUND, "No such resource.");
    }

    /** Bad input: a 400 with {@code code}. */
    public static DomainProblem invalid(ProblemCode code, String detail) {
        return invalid(code, null, detail);
    }

    /** Bad input in the request's field {@code field}: a 400 with {@code code} and {@code errors[]} naming it. */
    public static DomainProblem invalid(ProblemCode code, String field, String detail) {
        if (code.status() != ProblemKind.INVALID_INPUT.status()) {
            throw new IllegalArgumentException(code.name() + " is not a code for bad input.");
        }
        return new DomainProblem(code, field, detail);
    }

    /** Refuses a missing or blank text as bad input with {@code code}. */
    public static void requireText(String value, ProblemCode code, String detail) {
        requireText(value, code, null, detail);
    }

    /** Refuses a missing or blank text in the request's field {@code field} as bad input with {@code code}. */
    public static void requireText(String value, ProblemCode code, String field, String detail) {
        if (value == null || value.isBlank()) {
            throw invalid(code, field, detail);
        }
    }

    public Details details() {
        return details;
    }

    /** The serializable form of a domain problem; {@code field} names the request's field it refuses, if one. */
    public record Details(String code, ProblemKind kind, String detail, String field) {
        public Details {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
        }

        public Details(String code, ProblemKind kind, String detail) {
            this(code, kind, detail, null);
        }
    }
}
