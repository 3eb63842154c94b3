package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.operator.OperatorId;

/** A command answering one operator's assignment; the delegation checks who answers before the assignment does. */
interface AssignmentAnswer {

    OperatorId operatorId();
}
