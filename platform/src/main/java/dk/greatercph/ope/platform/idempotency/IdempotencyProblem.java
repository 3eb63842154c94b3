package dk.greatercph.ope.platform.idempotency;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** Refusals of the Idempotency-Key handling. */
enum IdempotencyProblem implements ProblemCode {
    INVALID_IDEMPOTENCY_KEY(400,
            "Idempotency-Key is not a string of 1 to 200 visible ASCII characters."),
    IDEMPOTENCY_KEY_REUSED(422,
            "This Idempotency-Key was used for a different request."),
    IDEMPOTENT_REQUEST_IN_PROGRESS(409,
            "A request with this Idempotency-Key is still being carried out; retry after Retry-After."),
    IDEMPOTENT_REQUEST_RECORDED(409,
            "A request with this Idempotency-Key was recorded, but its answer was lost to a failure; read the resource to see the result.");

    private final int status;
    private final String meaning;

    IdempotencyProblem(int status, String meaning) {
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
