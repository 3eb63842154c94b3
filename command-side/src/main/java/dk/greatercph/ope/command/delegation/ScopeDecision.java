package dk.greatercph.ope.command.delegation;

/** A command deciding one scope expansion request; the delegation finds the request before it decides. */
interface ScopeDecision {

    String requestId();
}
