package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.time.OpeTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Pushes every new or changed assignment to the subscribed inboxes of its operator. A side effect, so it has its
 * own processing group, starts at the head of the event stream and never replays.
 */
@Component
@ProcessingGroup(InboxPush.NAME)
class InboxPush {

    static final String NAME = "inbox-push";

    private final QueryUpdateEmitter emitter;
    private final Clock clock;

    InboxPush(QueryUpdateEmitter emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, TrackingToken token) {
        OffsetDateTime due = local(event.dueAt());
        push(event.delegationId(), event.operatorId(), event.role(), AssignmentState.OFFERED, local(at), due, null,
                null, InboxQueries.overdue(AssignmentState.OFFERED, due, clock.instant()), token);
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentAcceptedEvent event, @Timestamp Instant at, TrackingToken token) {
        push(event.delegationId(), event.operatorId(), event.role(), AssignmentState.ACCEPTED, null, null, local(at),
                null, false, token);
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, TrackingToken token) {
        push(event.delegationId(), event.operatorId(), event.role(), AssignmentState.DECLINED, null, null, local(at),
                event.reason(), false, token);
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentEscalatedEvent event, TrackingToken token) {
        push(event.delegationId(), event.operatorId(), null, AssignmentState.ESCALATED, null, local(event.dueAt()),
                null, null, true, token);
    }

    @EventHandler
    @DisallowReplay
    void on(AssignmentWithdrawnEvent event, @Timestamp Instant at, TrackingToken token) {
        push(event.delegationId(), event.operatorId(), null, AssignmentState.WITHDRAWN, null, null, local(at), null,
                false, token);
    }

    private void push(DelegationId delegation, OperatorId operator, AssignmentRole role, AssignmentState state,
                      OffsetDateTime offeredAt, OffsetDateTime dueAt, OffsetDateTime answeredAt, String reason,
                      boolean overdue, TrackingToken token) {
        InboxEntryView change = new InboxEntryView(delegation.value(), operator.value(), null, null, null, role,
                state, offeredAt, dueAt, answeredAt, reason, overdue, token.position().orElseThrow(), null, null, null,
                null);
        emitter.emit(WatchInboxQuery.class, query -> query.operatorId().equals(operator.value()), change);
    }

    private static OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(OpeTime.COPENHAGEN).toOffsetDateTime();
    }
}
