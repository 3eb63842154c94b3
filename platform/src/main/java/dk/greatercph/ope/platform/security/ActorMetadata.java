package dk.greatercph.ope.platform.security;

/**
 * The metadata keys that say who did something and why, on every command and every event. The payload
 * never repeats them.
 */
public final class ActorMetadata {

    /** The acting user's name, or {@link #SYSTEM} for deadlines and seeding. */
    public static final String ACTOR = "actor";
    /** The acting user's role (DESK, OPERATOR, AUDITOR, ADMIN, or SYSTEM). */
    public static final String ROLE = "actorRole";
    /** For an operator user, the operator it acted for. */
    public static final String OPERATOR = "actorOperatorId";
    /** The id of the message whose handling produced this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The request's Idempotency-Key, where one was given. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** The actor of what the system does by itself. */
    public static final String SYSTEM = "system";

    private ActorMetadata() {
    }
}
