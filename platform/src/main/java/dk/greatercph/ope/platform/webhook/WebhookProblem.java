package dk.greatercph.ope.platform.webhook;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** Why a webhook URL is refused; every code names the field {@code url}. */
public enum WebhookProblem implements ProblemCode {
    WEBHOOK_URL_INVALID(ProblemKind.INVALID_INPUT,
            "Field 'url' is not an absolute http(s) URL with a host, without user information or fragment."),
    WEBHOOK_URL_NOT_HTTPS(ProblemKind.INVALID_INPUT,
            "Field 'url' must use https (plain http only in the embedded default or when configured)."),
    WEBHOOK_URL_UNRESOLVABLE(ProblemKind.INVALID_INPUT,
            "Field 'url' names a host that does not resolve."),
    WEBHOOK_URL_FORBIDDEN_ADDRESS(ProblemKind.INVALID_INPUT,
            "Field 'url' resolves to a loopback, link-local, private, multicast or otherwise internal address.");

    private final ProblemKind kind;
    private final String meaning;

    WebhookProblem(ProblemKind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return kind.status();
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
