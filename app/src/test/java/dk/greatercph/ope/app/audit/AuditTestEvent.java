package dk.greatercph.ope.app.audit;

/** An event without aggregate that only the audit tests append, in bulk; no projection handles it. */
public record AuditTestEvent(String run, int number, String note) {
}
