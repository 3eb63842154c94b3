package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.operator.OperatorId;

import java.util.Optional;

/** The operators' names as the command side knows them, so that two operators are not told apart by code alone. */
public interface OperatorNames {

    /**
     * Another operator than {@code operator} with this name as people read it, if any; until the caller's transaction
     * ends, no other registration or rename to the same name gets past this.
     */
    Optional<String> otherOperatorNamed(String name, OperatorId operator);

    /** The operator's name as registered or renamed. */
    void name(OperatorId operator, String name);
}
