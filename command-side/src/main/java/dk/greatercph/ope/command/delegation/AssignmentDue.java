package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.operator.OperatorId;

/** The payload of R5's deadline: the operator whose answer is due. */
public record AssignmentDue(OperatorId operatorId) {
}
