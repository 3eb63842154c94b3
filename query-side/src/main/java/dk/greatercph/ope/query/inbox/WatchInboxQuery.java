package dk.greatercph.ope.query.inbox;

/** A subscription to one operator's inbox: its current entries, then every new or changed assignment. */
public record WatchInboxQuery(String operatorId) {
}
