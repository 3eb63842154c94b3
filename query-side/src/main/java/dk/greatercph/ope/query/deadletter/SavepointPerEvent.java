package dk.greatercph.ope.query.deadletter;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets a projection park one failed event and apply the rest of its batch, without paying a savepoint for every
 * event that succeeds.
 * <p>
 * A statement PostgreSQL refuses (a NUL in a text, a date out of range) aborts the whole transaction. Only a
 * savepoint taken before the handler lets the batch go on: rolled back to it, the batch can still park the event in
 * the dead-letter queue and move its token on, in the same commit. But a savepoint costs two round trips per event
 * and projection, and each one that writes takes a subtransaction id; past 64 of them in one transaction every other
 * session's snapshots overflow into {@code pg_subtrans}. So handlers run without one, optimistically. When a handler
 * fails, the whole batch is rolled back ({@link RetryWithSavepoints}, which {@link ParkEveryFailure} lets through)
 * and the processor retries it after its error back-off (a second); from then on, up to the position of the event
 * that failed, each handler runs in a savepoint, so the retry parks that event alone and applies the rest.
 * <p>
 * Handlers run in savepoints always for events without a position (not from a streaming processor), and while
 * dead letters are retried ({@link #always}).
 */
final class SavepointPerEvent implements HandlerEnhancerDefinition {

    private static final ThreadLocal<Boolean> ALWAYS = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> IN_SAVEPOINT = ThreadLocal.withInitial(() -> false);
    /**
     * Per processing group: the position up to which handlers run in savepoints, after a batch failed there. Static,
     * so that a projection can set it from outside a handler ({@link #retryUpTo}); two applications in one JVM (as in
     * tests) share it, which costs the other one savepoints it did not need, never a skipped event.
     */
    private static final Map<String, Long> GUARDED_UNTIL = new ConcurrentHashMap<>();

    private final TransactionTemplate savepoint;

    SavepointPerEvent(PlatformTransactionManager transactionManager) {
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs {@code work} with every projection handler in a savepoint, as the retry of dead letters needs. */
    static <T> T always(Supplier<T> work) {
        boolean outer = ALWAYS.get();
        ALWAYS.set(true);
        try {
            return work.get();
        } finally {
            ALWAYS.set(outer);
        }
    }

    /** True while a projection handler of this thread runs in a savepoint of its own. */
    static boolean inSavepoint() {
        return IN_SAVEPOINT.get();
    }

    /**
     * For a failure found after the handlers of a batch ran (a projection that writes at the end of its batch): the
     * batch is to be rolled back and retried with a savepoint per handler up to {@code position}, its last event.
     */
    static RetryWithSavepoints retryUpTo(String group, long position, RuntimeException cause) {
        GUARDED_UNTIL.merge(group, position, Math::max);
        return new RetryWithSavepoints("Projection " + group + ": the writes of its batch, up to the event at position "
                + position + ", were refused; the batch is rolled back and retried with a savepoint per event up to "
                + "there (" + cause + ")", cause);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        String group = processingGroup(original);
        if (group == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                OptionalLong position = position(message);
                if (position.isEmpty() || ALWAYS.get()
                        || position.getAsLong() <= GUARDED_UNTIL.getOrDefault(group, Long.MIN_VALUE)) {
                    return inSavepoint(() -> super.handle(message, target));
                }
                try {
                    return super.handle(message, target);
                } catch (Exception | Error e) {
                    GUARDED_UNTIL.merge(group, position.getAsLong(), Math::max);
                    throw new RetryWithSavepoints(group, position.getAsLong(), e);
                }
            }
        };
    }

    private Object inSavepoint(Handling handling) throws Exception {
        boolean outer = IN_SAVEPOINT.get();
        IN_SAVEPOINT.set(true);
        try {
            return savepoint.execute(status -> {
                try {
                    return handling.handle();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure failure) {
            throw failure.checked;
        } finally {
            IN_SAVEPOINT.set(outer);
        }
    }

    private static OptionalLong position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
    }

    private static String processingGroup(MessageHandlingMember<?> member) {
        try {
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(member.declaringClass(),
                    ProcessingGroup.class);
            return group == null ? null : group.value();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }

    /**
     * A handler failed outside a savepoint: its batch must be rolled back and retried, with savepoints up to
     * {@code position}. Never parked itself.
     */
    static final class RetryWithSavepoints extends RuntimeException {
        RetryWithSavepoints(String group, long position, Throwable cause) {
            this("Projection " + group + " failed on the event at position " + position + " outside a savepoint; its "
                    + "batch is rolled back and retried with a savepoint per event up to there (" + cause + ")", cause);
        }

        RetryWithSavepoints(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class CheckedFailure extends RuntimeException {
        final Exception checked;

        CheckedFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
