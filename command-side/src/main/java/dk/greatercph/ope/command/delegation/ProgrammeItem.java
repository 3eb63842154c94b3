package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.reference.Directory;
import dk.greatercph.ope.events.delegation.CostCoverageRecordedEvent;
import dk.greatercph.ope.events.delegation.CostCoverageVoidedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import static dk.greatercph.ope.platform.problem.DomainProblem.invalid;
import static dk.greatercph.ope.platform.problem.DomainProblem.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One item of a delegation's visit programme: its time, venue and host, and whether its cost is covered (rule
 * R3 for items hosted by a hospital or held at one). {@code plannedBy} is the operator that added it, null when the
 * desk did. It receives only the commands and events that name its item id, commands once the delegation has
 * checked who plans.
 */
class ProgrammeItem {

    @EntityId
    private final String itemId;
    private ProgrammeItemKind kind;
    private String title;
    private Instant startsAt;
    private Instant endsAt;
    private VenueId venueId;
    private PartnerId hostId;
    private boolean hostIsHospital;
    private boolean venueIsHospital;
    private boolean costCovered;
    /** The cost coverage in force, if any: the same agreement again records nothing. */
    private CostCoverageRecordedEvent coverage;

    /** ISO 4217's codes for no currency and for testing: nobody pays in them. */
    private static final java.util.Set<String> NO_CURRENCY = java.util.Set.of("XXX", "XTS");
    private final OperatorId plannedBy;

    ProgrammeItem(ProgrammeItemAddedEvent added) {
        this.itemId = added.itemId();
        this.kind = added.kind();
        this.title = added.title();
        this.plannedBy = added.plannedBy();
        this.startsAt = added.startsAt();
        this.endsAt = added.endsAt();
        this.venueId = added.venueId();
        this.hostId = added.hostId();
        this.hostIsHospital = added.hostIsHospital();
        this.venueIsHospital = added.venueIsHospital();
    }

    /** An operator changes only the items it added; the lead changes all of them, as does the desk. */
    void mayBeChangedBy(String actingOperator, OperatorId lead) {
        if (actingOperator == null || (lead != null && lead.value().equals(actingOperator))
                || (plannedBy != null && plannedBy.value().equals(actingOperator))) {
            return;
        }
        throw new DomainProblem(DelegationProblem.ITEM_OF_ANOTHER_OPERATOR,
                "This programme item was added by another operator; only that operator, the lead or the desk may "
                        + "change it.");
    }

    @CommandHandler
    CommandResult handle(ChangeProgrammeItemCommand command, Directory directory) {
        ProgrammeItemCheck.Hospital hospital = ProgrammeItemCheck.hospital(command.title(), command.startsAt(),
                command.endsAt(), command.venueId(), command.hostId(), directory);
        // R3's agreement was made for the host and venue the item had: moved elsewhere, it needs a new one (before,
        // an item moved to another hospital was confirmed on the first hospital's agreement)
        boolean voids = costCovered && (!Objects.equals(venueId, command.venueId())
                || !Objects.equals(hostId, command.hostId()));
        if (command.kind() == kind && command.title().trim().equals(title) && command.startsAt().equals(startsAt)
                && command.endsAt().equals(endsAt) && Objects.equals(venueId, command.venueId())
                && Objects.equals(hostId, command.hostId()) && hospital.host() == hostIsHospital
                && hospital.venue() == venueIsHospital) {
            // the same item sent again (a retry, a form saved unchanged): each recorded a change, made the item
            // tentative again and raised its calendar sequence
            return CommandResult.done();
        }
        apply(new ProgrammeItemChangedEvent(command.delegationId(), itemId, command.kind(), command.title().trim(),
                command.startsAt(), command.endsAt(), command.venueId(), command.hostId(), hospital.host(),
                hospital.venue()));
        if (voids) {
            apply(new CostCoverageVoidedEvent(command.delegationId(), itemId));
        }
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RemoveProgrammeItemCommand command) {
        apply(new ProgrammeItemRemovedEvent(command.delegationId(), itemId));
        return CommandResult.done();
    }

    @CommandHandler
    CommandResult handle(RecordCostCoverageCommand command) {
        requireText(command.payer(), DelegationProblem.PAYER_REQUIRED, "payer", "Cost coverage names who pays.");
        requireText(command.basis(), DelegationProblem.BASIS_REQUIRED, "basis",
                "Cost coverage states its basis (agreement, invoice, …).");
        if (command.amount() == null || command.amount().signum() <= 0) {
            // R3 asks who pays for a hospital's time: an amount of 0 is an agreement that nobody does
            throw invalid(DelegationProblem.INVALID_AMOUNT, "amount", "Cost coverage has an amount above zero.");
        }
        String currency = command.currency() == null ? "DKK" : command.currency();
        if (NO_CURRENCY.contains(currency) || java.util.Currency.getAvailableCurrencies().stream()
                .noneMatch(c -> c.getCurrencyCode().equals(currency))) {
            // ISO 4217, as documented: QQQ and XYZ were recorded
            throw invalid(DelegationProblem.INVALID_CURRENCY, "currency", "Currency " + currency
                    + " is not an ISO 4217 code (e.g. DKK, EUR, CNY).");
        }
        int decimals = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        if (decimals >= 0 && command.amount().stripTrailingZeros().scale() > decimals) {
            // the currency's own minor unit: 10.5 yen was recorded, and a dinar's third decimal was refused
            throw invalid(DelegationProblem.INVALID_AMOUNT, "amount", currency + " is counted to " + decimals
                    + " decimal place" + (decimals == 1 ? "" : "s") + ".");
        }
        if (coverage != null && java.util.Objects.equals(coverage.payer(), command.payer().trim())
                && java.util.Objects.equals(coverage.basis(), command.basis().trim()) && coverage.amount() != null
                && coverage.amount().compareTo(command.amount()) == 0
                && java.util.Objects.equals(coverage.currency(), currency)) {
            return CommandResult.done(); // recorded already: a second event said nothing new
        }
        apply(new CostCoverageRecordedEvent(command.delegationId(), itemId, command.payer().trim(),
                command.basis().trim(), command.amount(), currency));
        return CommandResult.done();
    }

    /**
     * Rule R3: an item hosted by a hospital, held at one, or that is a hospital visit by its kind is confirmed only
     * with a cost-coverage agreement. A hospital visit at a venue registered without its kind (which then is
     * {@code OTHER}) and with no host named was confirmed without one.
     */
    boolean lacksCostCoverage() {
        return (hostIsHospital || venueIsHospital || kind == ProgrammeItemKind.HOSPITAL_VISIT) && !costCovered;
    }

    Instant startsAt() {
        return startsAt;
    }

    Bookings.Booking booking() {
        return new Bookings.Booking(itemId, venueId, hostId, startsAt, endsAt);
    }

    @EventSourcingHandler
    void on(ProgrammeItemChangedEvent event) {
        kind = event.kind();
        title = event.title();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        venueId = event.venueId();
        hostId = event.hostId();
        hostIsHospital = event.hostIsHospital();
        venueIsHospital = event.venueIsHospital();
    }

    @EventSourcingHandler
    void on(CostCoverageRecordedEvent event) {
        costCovered = true;
        coverage = event;
    }

    @EventSourcingHandler
    void on(CostCoverageVoidedEvent event) {
        costCovered = false;
        coverage = null;
    }

    /** Equal in every field, so that the test fixture can compare the state a command left with the sourced one. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProgrammeItem other && itemId.equals(other.itemId) && kind == other.kind
                && Objects.equals(title, other.title) && Objects.equals(plannedBy, other.plannedBy) && Objects.equals(startsAt, other.startsAt)
                && Objects.equals(endsAt, other.endsAt) && Objects.equals(venueId, other.venueId)
                && Objects.equals(hostId, other.hostId) && hostIsHospital == other.hostIsHospital
                && venueIsHospital == other.venueIsHospital
                && costCovered == other.costCovered;
    }

    @Override
    public int hashCode() {
        return itemId.hashCode();
    }
}
