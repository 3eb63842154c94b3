package dk.greatercph.ope.query.deadletter;

/**
 * What a projection that sends its writes at the end of its batch needs of the savepoint rule
 * ({@link SavepointPerEvent}): whether the handler now running has a savepoint of its own, in which case it must
 * write before it returns, so that a refused write is rolled back and parked with its own event; and how to fail a
 * batch whose writes were refused at its end, so that the retry runs every handler of it in a savepoint.
 */
public final class ProjectionSavepoints {

    private ProjectionSavepoints() {
    }

    /** True while the projection handler of this thread runs in a savepoint of its own. */
    public static boolean handlerInOwnSavepoint() {
        return SavepointPerEvent.inSavepoint();
    }

    /**
     * The failure to throw when the writes of a batch were refused at its end: the batch is rolled back, and the
     * processor's retry runs the handlers of {@code group} in savepoints up to {@code lastPosition}, the batch's last
     * event, which parks the refused event alone.
     */
    public static RuntimeException retryWithSavepointsUpTo(String group, long lastPosition, RuntimeException cause) {
        return SavepointPerEvent.retryUpTo(group, lastPosition, cause);
    }
}
