package dk.greatercph.ope.platform.processing;

import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.ResultMessage;

/**
 * The result of handling one event of a batch, made once.
 * <p>
 * Axon's batching unit of work wraps what each event's task returns in a new result message, unless it is one
 * already. A new message draws a new identifier: 16 bytes from the strong generator
 * ({@code TimeOrderedIdentifierFactory}), for every event and every projection that handles it, and nothing reads
 * them. Event handlers return nothing, so each event's result can be this one. With the README's JVM options that was
 * 8 % of a board replay's CPU in a profile (docs/performance.md, "A result made once per event").
 */
public final class EventHandled {

    /** An event handled without a result, as Axon would wrap {@code null}. */
    public static final ResultMessage<Void> RESULT = GenericResultMessage.asResultMessage((Object) null);

    private EventHandled() {
    }

    /** What a task's caller should see: {@link #RESULT} for nothing, otherwise what it returned. */
    public static Object result(Object returned) {
        return returned == null ? RESULT : returned;
    }
}
