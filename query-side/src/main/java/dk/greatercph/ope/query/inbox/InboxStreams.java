package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Opens an operator's live inbox: subscribes to updates first, then sends what the client has not seen (the inbox
 * as an unpaged answer holds it on a first connection, the assignments changed after its Last-Event-ID on a
 * reconnect, or the inbox again when more than that many changed or the id is past every event seen here), then every
 * update.
 * Before reading the inbox table it waits, bounded, until the delegation-board projection has passed everything the
 * push has already emitted, so no change falls between the two. Each assignment event carries its global event
 * position as SSE id; an update the client already got from the table is not sent again. A comment line every 20
 * seconds finds clients that went away; on shutdown every stream is completed, so clients reconnect elsewhere.
 */
@Component
class InboxStreams implements SmartLifecycle {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);

    private static final String BOARD = FindDelegationQuery.PROJECTION;

    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private final QueryGateway queryGateway;
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService heartbeat;

    InboxStreams(QueryGateway queryGateway, EventProcessingConfiguration processing, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.processing = processing;
        this.progress = progress;
    }

    @Override
    public synchronized void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeat != null;
    }

    private void beat() {
        for (SseEmitter emitter : open) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                open.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    SseEmitter open(InboxView current, Long lastEventId) {
        String operator = current.operatorId();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SubscriptionQueryResult<InboxView, InboxEntryView> subscription = queryGateway.subscriptionQuery(
                new WatchInboxQuery(operator), ResponseTypes.instanceOf(InboxView.class),
                ResponseTypes.instanceOf(InboxEntryView.class));
        open.add(emitter);
        emitter.onCompletion(() -> closed(emitter, subscription));
        emitter.onTimeout(() -> closed(emitter, subscription));
        emitter.onError(error -> closed(emitter, subscription));
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try {
            // everything recorded before the connection, in the board's table: after a restart the processors
            // held no segment yet, nothing was waited for, and the inbox sent first lacked the newest offers
            progress.awaitCaughtUp(BOARD, CATCH_UP_WAIT);
            awaitBoardPastPush();
            // an id past every event the projections have seen was not sent by this stream (another database, a
            // restored one): the client's state is unknown, so it gets the inbox
            boolean known = lastEventId != null && lastEventId <= furthestSeen();
            List<InboxEntryView> missed = !known ? null : queryGateway.query(
                    new FindInboxChangesQuery(operator, lastEventId),
                    ResponseTypes.multipleInstancesOf(InboxEntryView.class)).join();
            if (missed == null || missed.size() > FindInboxQuery.MOST_UNPAGED) {
                // a first connection, or one so far behind that the inbox itself is the shorter answer
                InboxView inbox = queryGateway.query(new FindInboxQuery(operator, null),
                        ResponseTypes.optionalInstanceOf(InboxView.class)).join().orElse(current);
                inbox.entries().forEach(entry -> seen.put(entry.delegationId(), entry.position()));
                emitter.send(SseEmitter.event().name("inbox").data(inbox, MediaType.APPLICATION_JSON));
            } else {
                for (InboxEntryView entry : missed) {
                    seen.put(entry.delegationId(), entry.position());
                    send(emitter, entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            closed(emitter, subscription);
            emitter.completeWithError(e);
            return emitter;
        }
        // off the push's own thread: an update waits (bounded) for the board's row, and a slow client must not hold
        // the push back for every other inbox
        subscription.updates().publishOn(Schedulers.boundedElastic()).subscribe(update -> {
            Long known = seen.get(update.delegationId());
            if (known != null && update.position() <= known) {
                return;
            }
            InboxEntryView entry = whole(operator, update);
            seen.put(update.delegationId(), entry.position());
            try {
                send(emitter, entry);
            } catch (IOException | IllegalStateException e) {
                closed(emitter, subscription);
            }
        }, error -> emitter.complete(), emitter::complete);
        return emitter;
    }

    private void closed(SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription) {
        open.remove(emitter);
        subscription.cancel();
    }

    private static void send(SseEmitter emitter, InboxEntryView entry) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(entry.position())).name("assignment")
                .data(entry, MediaType.APPLICATION_JSON));
    }

    /**
     * The inbox's entry for what {@code update} changed, as {@code GET …/inbox} answers it: the push knows only the
     * assignment's event, and sent its organisation, dates, themes and size (after an acceptance its offer and due
     * times too) as null, so a client that replaced its entry with the pushed one lost them. Waits (at most
     * {@link #CATCH_UP_WAIT}) for the board to reach the update; the update as pushed when it does not.
     */
    private InboxEntryView whole(String operator, InboxEntryView update) {
        if (!awaitBoardAt(update.position())) {
            return update;
        }
        try {
            return queryGateway.query(new FindInboxChangesQuery(operator, update.position() - 1),
                            ResponseTypes.multipleInstancesOf(InboxEntryView.class)).join().stream()
                    .filter(entry -> entry.delegationId().equals(update.delegationId())
                            && entry.position() >= update.position())
                    .findFirst().orElse(update);
        } catch (RuntimeException unavailable) {
            return update;
        }
    }

    private void awaitBoardPastPush() {
        OptionalLong pushed = position(InboxPush.NAME);
        if (pushed.isPresent()) {
            awaitBoardAt(pushed.getAsLong());
        }
    }

    /** Waits, at most {@link #CATCH_UP_WAIT}, for the board to reach {@code position}; false when interrupted. */
    private boolean awaitBoardAt(long position) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (position(BOARD).orElse(Long.MIN_VALUE) < position && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The furthest event position the push or the board has handled; none when neither has a position yet. */
    private long furthestSeen() {
        return Math.max(position(BOARD).orElse(Long.MIN_VALUE), position(InboxPush.NAME).orElse(Long.MIN_VALUE));
    }

    private OptionalLong position(String processorName) {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min())
                .orElse(OptionalLong.empty());
    }
}
