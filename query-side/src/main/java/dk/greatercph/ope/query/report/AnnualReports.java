package dk.greatercph.ope.query.report;

import dk.greatercph.ope.query.kpi.FindKpisQuery;
import dk.greatercph.ope.query.kpi.KpiReportView;
import dk.greatercph.ope.query.trip.FindTripsQuery;
import dk.greatercph.ope.query.trip.TripView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Puts the annual report together from the queries that own its parts: the delegation figures (annual-report
 * projection), the operators' targets and actuals (the KPI query, so that both always agree) and the year's annual
 * political trip (the trip query).
 */
@Component
class AnnualReports {

    private final QueryGateway queryGateway;

    AnnualReports(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    AnnualReportView of(int year) {
        AnnualDelegationsView delegations = queryGateway.query(new FindAnnualDelegationsQuery(year),
                ResponseTypes.instanceOf(AnnualDelegationsView.class)).join();
        KpiReportView kpis = queryGateway.query(new FindKpisQuery(year),
                ResponseTypes.instanceOf(KpiReportView.class)).join();
        List<TripView> trips = queryGateway.query(new FindTripsQuery(year),
                ResponseTypes.multipleInstancesOf(TripView.class)).join();
        return new AnnualReportView(year, delegations.delegations(), delegations.china(), delegations.outcomes(),
                delegations.notRealised(), kpis.operators(), politicalTrip(trips));
    }

    /** The year's annual trip (not an extraordinary one); one that was cancelled only if no other is planned. */
    private static AnnualReportView.PoliticalTrip politicalTrip(List<TripView> trips) {
        return trips.stream()
                .filter(trip -> !trip.extraordinary())
                .min(Comparator.comparing((TripView trip) -> "CANCELLED".equals(trip.status()))
                        .thenComparing(TripView::startDate))
                .map(trip -> new AnnualReportView.PoliticalTrip(trip.id(), trip.title(), trip.destinations(),
                        trip.startDate(), trip.endDate(), trip.status(),
                        trip.report() == null ? null : trip.report().outcomes(),
                        trip.report() == null ? List.of() : trip.report().agreementsSigned(),
                        trip.report() == null ? List.of() : trip.report().followUps().stream()
                                .map(f -> f.operatorId() + ": " + f.action()).toList()))
                .orElse(null);
    }
}
