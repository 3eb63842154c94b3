package dk.greatercph.ope.events.operator;

import org.axonframework.serialization.Revision;

/**
 * The desk renamed an operator (a name registered in the wrong language, or misspelt), with its reason. The code,
 * which is its id, stays; every view names the operator by id, so each shows the new name.
 */
@Revision("1")
public record OperatorRenamedEvent(OperatorId operatorId, String name, String previousName, String reason) {
}
