package dk.greatercph.ope.query.report;

import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationCompletedEvent;
import dk.greatercph.ope.events.delegation.Outcome;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.replay.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Projects what the annual report counts: one row per delegation with its year of receipt, origin, kind and sector,
 * what became of it and its outcome's figures. Rows carry the sequence number of the last event applied, so a
 * repeated event changes nothing and a replay rebuilds the same table. The writes go with the processor's batch
 * ({@link ProjectionWrites}).
 */
@Component
@ProcessingGroup(AnnualReportProjection.NAME)
class AnnualReportProjection {

    static final String NAME = "annual-report";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    AnnualReportProjection(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        LocalDate received = event.dateReceived();
        writes.sql(NAME, """
                        INSERT INTO annual_report_delegation (delegation_id, year, date_received, organisation, country,
                            origin_province, delegation_type, sector, status, version)
                        VALUES (:id, :year, :received, :organisation, :country, :province, :type, :sector, 'OPEN',
                            :version)
                        ON CONFLICT (delegation_id) DO NOTHING
                        """)
                .param("id", event.delegationId().value()).param("year", received.getYear())
                .param("received", received).param("organisation", event.requestingOrganisation())
                .param("country", event.country())
                .param("province", event.originProvince()).param("type", event.delegationType().name())
                .param("sector", event.delegationType().sector().name()).param("version", version)
                .of(event.delegationId().value()).update();
    }

    /** A corrected request is counted in the year, origin and kind it was corrected to. */
    @EventHandler
    void on(RequestCorrectedEvent event, @SequenceNumber long version) {
        LocalDate received = event.dateReceived();
        writes.sql(NAME, """
                        UPDATE annual_report_delegation SET year = :year, date_received = :received,
                            organisation = :organisation, country = :country, origin_province = :province,
                            delegation_type = :type, sector = :sector, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value()).param("year", received.getYear())
                .param("received", received).param("organisation", event.requestingOrganisation())
                .param("country", event.country())
                .param("province", event.originProvince()).param("type", event.delegationType().name())
                .param("sector", event.delegationType().sector().name()).param("version", version)
                .of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationCompletedEvent event, @SequenceNumber long version) {
        var outcome = event.outcome();
        writes.sql(NAME, """
                        UPDATE annual_report_delegation SET status = 'COMPLETED', investment_leads = :leads,
                            mous = :mous, companies_established = :companies, jobs_created = :jobs,
                            tourists = :tourists, overnight_stays = :stays, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value())
                .param("leads", outcome == null ? 0 : outcome.investmentLeads())
                .param("mous", outcome == null ? 0 : outcome.mous().size())
                .param("companies", outcome == null ? 0 : Outcome.counted(outcome.companiesEstablished()))
                .param("jobs", outcome == null ? 0 : Outcome.counted(outcome.jobsCreated()))
                .param("tourists", outcome == null ? 0 : Outcome.counted(outcome.tourists()))
                .param("stays", outcome == null ? 0 : Outcome.counted(outcome.overnightStays()))
                .param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), NotRealisedAs.DECLINED, event.reason(), version);
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), NotRealisedAs.CANCELLED, event.reason(), version);
    }

    @EventHandler
    void on(DelegationWithdrawnEvent event, @SequenceNumber long version) {
        notRealised(event.delegationId(), NotRealisedAs.WITHDRAWN, event.reason(), version);
    }

    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    /**
     * A delegation that did not take place. The desk's withdrawal (after the lead accepted, a programme fell through)
     * is {@link NotRealisedAs#WITHDRAWN}: its event's handler calls this with the withdrawal's reason.
     */
    private void notRealised(DelegationId id, NotRealisedAs as, String reason, long version) {
        writes.sql(NAME, """
                        UPDATE annual_report_delegation SET status = :status, reason = :reason, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", id.value()).param("status", as.name()).param("reason", reason)
                .param("version", version).of(id.value()).update();
    }

    /** How a delegation came not to be realised. */
    enum NotRealisedAs {
        DECLINED,
        CANCELLED,
        WITHDRAWN
    }
}
