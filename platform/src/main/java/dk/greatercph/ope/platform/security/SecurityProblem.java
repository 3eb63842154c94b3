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
    CROSS_SITE_REQUEST(403,
            "Another site's page made the browser send this request with the credentials it remembers for this site."),
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
