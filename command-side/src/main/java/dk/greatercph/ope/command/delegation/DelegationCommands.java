package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The commands of an incoming delegation after its registration. */
public final class DelegationCommands {

    private DelegationCommands() {
    }

    /** Record the screening: R8's repeat check runs here; the desk assesses the business opportunity. */
    public record Screen(@TargetAggregateIdentifier DelegationId delegationId, String businessOpportunityAssessment,
                         @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Route by rule R1, or — with {@code overrideLead} — by the desk's choice and reason. Re-routing withdraws
     * offers that were not answered.
     */
    public record Route(@TargetAggregateIdentifier DelegationId delegationId, OperatorId overrideLead,
                        List<OperatorId> overrideSupporting, String overrideReason,
                        @TargetAggregateVersion Long expectedVersion) {
    }

    public record AcceptAssignment(@TargetAggregateIdentifier DelegationId delegationId, OperatorId operatorId,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record DeclineAssignment(@TargetAggregateIdentifier DelegationId delegationId, OperatorId operatorId,
                                    String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    public record RequestScopeExpansion(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                        List<Theme> themes, String reason,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    public record ApproveScopeExpansion(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    public record RejectScopeExpansion(@TargetAggregateIdentifier DelegationId delegationId, String requestId,
                                       String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddProgrammeItem(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                   ProgrammeItemKind kind, String title, Instant startsAt, Instant endsAt,
                                   VenueId venueId, PartnerId hostId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangeProgrammeItem(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                      ProgrammeItemKind kind, String title, Instant startsAt, Instant endsAt,
                                      VenueId venueId, PartnerId hostId,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RemoveProgrammeItem(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordCostCoverage(@TargetAggregateIdentifier DelegationId delegationId, String itemId,
                                     String payer, String basis, BigDecimal amount, String currency,
                                     @TargetAggregateVersion Long expectedVersion) {
    }

    public record Confirm(@TargetAggregateIdentifier DelegationId delegationId,
                          @TargetAggregateVersion Long expectedVersion) {
    }

    public record Cancel(@TargetAggregateIdentifier DelegationId delegationId, String reason,
                         @TargetAggregateVersion Long expectedVersion) {
    }

    public record Decline(@TargetAggregateIdentifier DelegationId delegationId, String reason,
                          @TargetAggregateVersion Long expectedVersion) {
    }

    /** Add a member (or the contact) of the delegation; the personal fields arrive clear and are sealed here. */
    public record AddMember(@TargetAggregateIdentifier DelegationId delegationId, String memberId, PersonId personId,
                            String name, String title, String email, String phone, String organisation,
                            boolean contact, @TargetAggregateVersion Long expectedVersion) {

        @Override
        public String toString() {
            return "AddMember[" + delegationId + ", " + memberId + ", " + personId + "]";
        }
    }

    public record RemoveMember(@TargetAggregateIdentifier DelegationId delegationId, String memberId,
                               @TargetAggregateVersion Long expectedVersion) {
    }

    public record Complete(@TargetAggregateIdentifier DelegationId delegationId, Outcome outcome,
                           @TargetAggregateVersion Long expectedVersion) {
    }
}
