package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.command.lookup.RebuildableLookup;
import dk.greatercph.ope.events.trip.TripCancelledEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * R7's lookup table; a claim is an insert that at most one transaction per year can make. A trip planned as
 * the annual one holds its year until it is cancelled.
 */
@Component
class JdbcAnnualTrips implements AnnualTrips, RebuildableLookup {

    private final JdbcClient jdbc;

    JdbcAnnualTrips(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(int year, TripId trip) {
        return jdbc.sql("INSERT INTO annual_trip (year, trip_id) VALUES (:year, :trip) ON CONFLICT (year) DO NOTHING")
                .param("year", year).param("trip", trip.value()).update() == 1;
    }

    @Override
    public void release(int year, TripId trip) {
        jdbc.sql("DELETE FROM annual_trip WHERE year = :year AND trip_id = :trip")
                .param("year", year).param("trip", trip.value()).update();
    }

    @Override
    public List<String> tables() {
        return List.of("annual_trip");
    }

    @Override
    public Replay replay() {
        jdbc.sql("DELETE FROM annual_trip").update();
        return (payload, at) -> {
            if (payload instanceof TripPlannedEvent planned && !planned.extraordinary()) {
                claim(planned.year(), planned.tripId());
            } else if (payload instanceof TripCancelledEvent cancelled) {
                // only annual trips are in the table, and only an annual trip's cancellation releases its year
                jdbc.sql("DELETE FROM annual_trip WHERE trip_id = :trip").param("trip", cancelled.tripId().value())
                        .update();
            }
        };
    }
}
