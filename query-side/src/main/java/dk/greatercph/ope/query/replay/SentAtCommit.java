package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.query.deadletter.ProjectionSavepoints;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a projection's handlers hand over during a streaming processor's batch, sent to PostgreSQL together when the
 * batch commits, handed to the sender in the order handed over: the writes of the schedule, the KPIs, the annual
 * report and the notifier ({@link ProjectionWrites}) and the board's changes.
 * <p>
 * The rules of the savepoint per event hold: a handler that runs in a savepoint of its own, or outside a batch, has
 * its item sent at once, so that a refused write is rolled back and parked with its own event; when what a batch
 * handed over is refused at its end, the batch is rolled back and retried with a savepoint per handler up to the last
 * event that handed something over ({@link ProjectionSavepoints#retryWithSavepointsUpTo}).
 *
 * @param <T> what the handlers hand over
 */
public final class SentAtCommit<T> {

    private final String group;
    private final String resource;
    private final Consumer<List<T>> sender;

    /**
     * @param group  the projection's processing group, whose handlers are retried in savepoints after a refusal
     * @param name   what is sent, unique within the group
     * @param sender sends what was handed over, in order; a refusal is thrown
     */
    public SentAtCommit(String group, String name, Consumer<List<T>> sender) {
        this.group = group;
        this.resource = group + "." + name;
        this.sender = sender;
    }

    /** Sends {@code item} with the rest of the batch, or at once outside a batch and in a handler's own savepoint. */
    public void add(T item) {
        if (!CurrentUnitOfWork.isStarted() || ProjectionSavepoints.handlerInOwnSavepoint()) {
            sender.accept(List.of(item));
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        Pending pending = batch.getOrComputeResource(resource, key -> {
            Pending fresh = new Pending();
            batch.onPrepareCommit(unitOfWork -> fresh.send());
            return fresh;
        });
        pending.items.add(item);
        if (current.getMessage() instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            pending.lastPosition = tracked.trackingToken().position();
        }
    }

    /** Sends what the current batch handed over so far, for a read that must see it. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(resource);
            if (pending != null) {
                pending.send();
            }
        }
    }

    /** What one batch handed over and has not sent, and the position of the last event that handed something. */
    private final class Pending {
        private final List<T> items = new ArrayList<>();
        private OptionalLong lastPosition = OptionalLong.empty();

        void send() {
            if (items.isEmpty()) {
                return;
            }
            List<T> sending = List.copyOf(items);
            items.clear();
            try {
                sender.accept(sending);
            } catch (RuntimeException refused) {
                if (lastPosition.isEmpty()) {
                    throw refused;
                }
                throw ProjectionSavepoints.retryWithSavepointsUpTo(group, lastPosition.getAsLong(), refused);
            }
        }
    }
}
