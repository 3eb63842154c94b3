package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** Refusals of sign-in and of the role rules. */
enum SecurityProblem implements ProblemCode {
    UNAUTHENTICATED(401,
            "Valid credentials are required."),
    FORBIDDEN(403,
            "The caller's role may not do this."),
    TOO_MANY_ATTEMPTS(429,
            "Too many failed sign-ins for this user name or address; retry after Retry-After."),
    NO_ACTOR(400,
            "A command must carry the acting user; none was given.");

    private final int status;
    private final String meaning;

    SecurityProblem(int status, String meaning) {
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
