package dk.greatercph.ope.platform.problem;

/**
 * Codes any endpoint may answer with: unknown or hidden resources, versions, concurrency, and the errors the
 * web framework raises before a controller answers (those carry the HTTP status name).
 */
public enum GeneralProblem implements ProblemCode {
    NOT_FOUND(404,
            "No such resource, or one the caller may not see; the two cannot be told apart."),
    STALE_VERSION(412,
            "The resource changed since the version given in If-Match; read it again and retry."),
    ALREADY_EXISTS(409,
            "A resource with this id already exists."),
    CONCURRENT_CHANGE(409,
            "Another change to the same resource was recorded at the same time; read it again and retry."),
    BODY_TOO_LARGE(413,
            "The request body is larger than the server accepts."),
    INTERNAL_ERROR(500,
            "An unexpected error; the detail names an incident id to quote when reporting it."),
    BAD_REQUEST(400,
            "The web framework refused the request (for example a missing required header)."),
    METHOD_NOT_ALLOWED(405,
            "The HTTP method is not supported on this path."),
    NOT_ACCEPTABLE(406,
            "None of the media types in Accept can be produced."),
    UNSUPPORTED_MEDIA_TYPE(415,
            "The request body's Content-Type or Content-Encoding is not accepted here."),
    TOO_MANY_REQUESTS(429,
            "More requests from this client address are in progress at once than one client needs; retry after Retry-After."),
    CONTENT_TOO_LARGE(413,
            "The web server refused a request body larger than it accepts."),
    INTERNAL_SERVER_ERROR(500,
            "The web server could not handle the request before the application saw it."),
    SERVICE_UNAVAILABLE(503,
            "The server cannot answer now (for example a request timed out); retry later.");

    private final int status;
    private final String meaning;

    GeneralProblem(int status, String meaning) {
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
