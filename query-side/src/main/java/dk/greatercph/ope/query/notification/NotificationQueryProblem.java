package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of the notification queries and the outbox administration. */
public enum NotificationQueryProblem implements ProblemCode {
    NOTIFICATION_OWNER_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No operator with this id (or not one the caller may configure); the desk's own settings are 'desk'."),
    NOTIFICATION_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No notification with this id in the outbox."),
    RECIPIENT_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The owner has no e-mail recipient with this id (one added a moment ago is shown once the view has it)."),
    WEBHOOK_NOT_FOUND(ProblemKind.NOT_FOUND,
            "The owner has no webhook with this id (one subscribed a moment ago is shown once the view has it)."),
    PROJECTION_BEHIND(ProblemKind.CONFLICT,
            "The view is being rebuilt or behind and cannot yet tell whether the id exists; retry shortly."),
    INVALID_NOTIFICATION_STATUS(ProblemKind.INVALID_INPUT,
            "Parameter 'status' is one of PENDING, SENT, HELD, FAILED."),
    NOTIFICATION_NOT_RETRYABLE(ProblemKind.CONFLICT,
            "Only a FAILED or HELD notification can be retried; a PENDING one is being tried, a SENT one was delivered.");

    private final ProblemKind kind;
    private final String meaning;

    NotificationQueryProblem(ProblemKind kind, String meaning) {
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
