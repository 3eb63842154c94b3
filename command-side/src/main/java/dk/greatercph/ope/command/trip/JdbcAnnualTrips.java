package dk.greatercph.ope.command.trip;

import dk.greatercph.ope.events.trip.TripId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** R7's lookup table; a claim is an insert that at most one transaction per year can make. */
@Component
class JdbcAnnualTrips implements AnnualTrips {

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
}
