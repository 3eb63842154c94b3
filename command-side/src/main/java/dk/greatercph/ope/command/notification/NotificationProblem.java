package dk.greatercph.ope.command.notification;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of notification settings. */
public enum NotificationProblem implements ProblemCode {
    NOTIFICATION_OWNER_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No operator with this id (or not one the caller may configure); the desk's own settings are 'desk'."),
    RECIPIENT_EXISTS(ProblemKind.CONFLICT,
            "Field 'address': this owner already has a recipient with this address."),
    RECIPIENT_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No recipient with this id among the owner's recipients."),
    TOO_MANY_RECIPIENTS(ProblemKind.RULE_VIOLATION,
            "An owner has at most 20 e-mail recipients."),
    WEBHOOK_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No webhook with this id among the owner's webhooks."),
    WEBHOOK_EXISTS(ProblemKind.CONFLICT,
            "Field 'url': this owner already has a webhook at this URL."),
    TOO_MANY_WEBHOOKS(ProblemKind.RULE_VIOLATION,
            "An owner has at most 10 webhooks.");

    private final ProblemKind kind;
    private final String meaning;

    NotificationProblem(ProblemKind kind, String meaning) {
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
