package dk.greatercph.ope.platform.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's invoker of a processor's handlers, deciding as it does which of them an event goes to, but with the answers
 * that cannot change worked out once: whether a handler takes part in replays, and whether it handles an event type
 * at all.
 * <p>
 * Axon's {@link MultiEventHandlerInvoker} asks each handler's invoker whether it supports a reset before every event
 * it offers it, and the annotated handler answers by streaming over all its handler methods; the processor asks again
 * when it hands the event over, and once more, by type, for an event nobody handles. While the benchmark's
 * projections kept up with its history, that deciding was about a fifth of the processors' samples, and 2–3 % with
 * this invoker; the processors' CPU per event fell by a fifth to a third (docs/performance.md, "Handlers found once
 * per event type"). Both answers depend only on the handler classes, fixed when the processor is built. An event
 * whose type a handler cannot take is not offered to it, which is the rule Axon's processors already apply when they
 * skip a type; any other event is decided by the handler's own {@code canHandle}, as before.
 */
final class HandlersKnownInvoker extends MultiEventHandlerInvoker {

    private final EventHandlerInvoker[] invokers;
    private final boolean[] replayed;
    private final boolean anyReplayed;
    private final Map<Class<?>, boolean[]> takenBy = new ConcurrentHashMap<>();

    HandlersKnownInvoker(List<EventHandlerInvoker> invokers) {
        super(invokers);
        this.invokers = delegates().toArray(EventHandlerInvoker[]::new);
        this.replayed = new boolean[this.invokers.length];
        boolean any = false;
        for (int i = 0; i < this.invokers.length; i++) {
            replayed[i] = this.invokers[i].supportsReset();
            any |= replayed[i];
        }
        this.anyReplayed = any;
    }

    /** This processor's invoker, unless it is one already; an invoker of another kind is left as it is. */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof HandlersKnownInvoker) {
            return invoker;
        }
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new HandlersKnownInvoker(multi.delegates());
        }
        return invoker;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        boolean[] taking = takenBy(event.getPayloadType());
        for (int i = 0; i < invokers.length; i++) {
            if (offered(i, taking, event) && invokers[i].canHandle(event, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        for (boolean taken : takenBy(payloadType)) {
            if (taken) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        boolean[] taking = takenBy(event.getPayloadType());
        for (int i = 0; i < invokers.length; i++) {
            if (offered(i, taking, event) && invokers[i].canHandle(event, segment)) {
                invokers[i].handle(event, segment);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        return anyReplayed;
    }

    @Override
    public <R> void performReset(R resetContext) {
        for (int i = 0; i < invokers.length; i++) {
            if (replayed[i]) {
                invokers[i].performReset(resetContext);
            }
        }
    }

    /** Whether handler {@code i} is asked about the event: it takes its type, and a replayed event only if it replays. */
    private boolean offered(int i, boolean[] taking, EventMessage<?> event) {
        return taking[i] && (replayed[i] || !ReplayToken.isReplay(event));
    }

    private boolean[] takenBy(Class<?> payloadType) {
        boolean[] taking = takenBy.get(payloadType);
        return taking != null ? taking : takenBy.computeIfAbsent(payloadType, this::askEach);
    }

    private boolean[] askEach(Class<?> payloadType) {
        boolean[] taking = new boolean[invokers.length];
        for (int i = 0; i < invokers.length; i++) {
            taking[i] = invokers[i].canHandleType(payloadType);
        }
        return taking;
    }
}
