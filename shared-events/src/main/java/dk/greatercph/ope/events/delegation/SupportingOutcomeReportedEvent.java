package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;
import org.axonframework.serialization.Revision;

/**
 * A supporting operator reports what the completed visit brought it: its own investment leads, MoUs, companies
 * established, jobs and tourists, which feed its own KPIs (the lead's figures are the completion's). Reported
 * again, the later report replaces the earlier one. Its follow-ups are always empty: follow-ups are handed out at
 * completion.
 */
@Revision("1")
public record SupportingOutcomeReportedEvent(DelegationId delegationId, OperatorId operatorId, Outcome outcome) {
}
