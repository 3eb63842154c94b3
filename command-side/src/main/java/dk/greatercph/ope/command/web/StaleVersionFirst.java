package dk.greatercph.ope.command.web;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A command with a stale {@code If-Match} is a stale version (412), even when the state it would have found is
 * one that refuses it. Axon's event-sourcing repository runs the handler first and checks the version only at
 * commit, so a refusal by state (409, 422) reached the client instead of the stale version. A refusal because
 * the aggregate is not there for this user (404) stays 404, so the version leaks nothing about it.
 */
@Component
class StaleVersionFirst implements HandlerEnhancerDefinition {

    private static final Set<ProblemKind> STATE_REFUSALS = Set.of(ProblemKind.CONFLICT, ProblemKind.RULE_VIOLATION);

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                try {
                    return super.handle(message, target);
                } catch (DomainProblem problem) {
                    if (STATE_REFUSALS.contains(problem.details().kind())) {
                        ConflictResolution.getConflictResolver().detectConflicts(unseen -> !unseen.isEmpty());
                    }
                    throw problem;
                }
            }
        };
    }
}
