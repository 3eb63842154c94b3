package dk.greatercph.ope.platform.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

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
    /**
     * The correlation id of the request that started the chain (its {@code X-Correlation-Id}, or one generated for
     * it): Axon's trace id, copied by Axon from every message to what it causes. Axon 4's own {@code correlationId}
     * is the id of the causing message, as is {@link #CAUSATION_ID}.
     */
    public static final String TRACE_ID = "traceId";
    /** The request's Idempotency-Key, where one was given. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** {@code true} on what an import of the desk's earlier records caused. */
    public static final String IMPORTED = "imported";
    /** The SHA-256 hash (hex) of the imported file. */
    public static final String IMPORT_FILE = "importFileSha256";
    /** The line of the imported file on which the imported record starts (the header is line 1). */
    public static final String IMPORT_LINE = "importLine";
    /** The import run that recorded it. */
    public static final String IMPORT_ID = "importId";
    /**
     * The upgrade step a command was sent for, by the system after an upgrade, carried to its events: what it records
     * mends history, so nobody is notified of it as of something that just happened.
     */
    public static final String UPGRADE_STEP = "upgradeStep";
    /** The actor of what the system does by itself. */
    public static final String SYSTEM = "system";
    /**
     * Actor names no person may have: {@link #SYSTEM} (deadlines, seeding) and the name Spring Security gives
     * an unauthenticated caller. Compared case-insensitively after Unicode compatibility normalisation.
     */
    public static final Set<String> RESERVED_NAMES = Set.of(SYSTEM, "anonymous", "anonymoususer");

    private ActorMetadata() {
    }

    /** True if {@code name} would pass for an actor the system uses for itself. */
    public static boolean isReservedName(String name) {
        if (name == null) {
            return false;
        }
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return RESERVED_NAMES.contains(normalised);
    }
}
