package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.PersonalDataErasedEvent;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripCancelledEvent;
import dk.greatercph.ope.events.trip.TripId;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.query.support.InMemoryPersonKeys;
import dk.greatercph.ope.query.support.ProjectionFeed;
import dk.greatercph.ope.query.support.QueryDatabase;
import dk.greatercph.ope.query.support.TestYears;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trips: events fed into the projection, one trip and a year's trips read through its queries. */
class TripProjectionTest {

    private static final Instant RECORDED = Instant.parse("2027-03-01T09:00:00Z");

    private final PersonalData personalData = new PersonalData(new InMemoryPersonKeys());
    private final TripProjection projection =
            new TripProjection(QueryDatabase.jdbc(), JsonMapper.builder().build(), personalData);
    private final ProjectionFeed feed = new ProjectionFeed(projection);

    /** A year of its own, so that no other test's trips are in it. */
    private final int year = TestYears.next();
    private final TripId trip = TripId.newId();
    private final PersonId leader = PersonId.newId();

    @Test
    void aPlannedTripShowsItsLeaderInClearAndItsLaterStatus() {
        plan();

        TripView planned = projection.handle(new FindTripQuery(trip.value())).orElseThrow();
        assertThat(planned.leader()).isEqualTo("Chair of the Regional Council");
        assertThat(planned.leaderPersonId()).isEqualTo(leader.value());
        assertThat(planned.status()).isEqualTo("PLANNED");
        assertThat(planned.destinations()).containsExactly("Nanjing", "Shanghai");

        feed.feed(trip.value(), 1, new TripApprovedEvent(trip), RECORDED);

        assertThat(projection.handle(new FindTripsQuery(year))).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(trip.value());
            assertThat(view.status()).isEqualTo("APPROVED");
            assertThat(view.version()).isEqualTo(1);
        });
        assertThat(projection.handle(new FindTripsQuery(year + 1))).noneMatch(v -> v.id().equals(trip.value()));
    }

    @Test
    void anEventSeenBeforeChangesNothing() {
        plan();
        feed.feed(trip.value(), 1, new TripCancelledEvent(trip, "Postponed"), RECORDED);
        feed.feed(trip.value(), 1, new TripApprovedEvent(trip), RECORDED);

        TripView view = projection.handle(new FindTripQuery(trip.value())).orElseThrow();
        assertThat(view.status()).isEqualTo("CANCELLED");
        assertThat(view.cancellationReason()).isEqualTo("Postponed");
    }

    @Test
    void anErasedLeaderReadsAsErased() {
        plan();

        feed.feed(leader.value(), 0, new PersonalDataErasedEvent(leader, "GDPR Art. 17"), RECORDED);

        assertThat(projection.handle(new FindTripQuery(trip.value())).orElseThrow().leader())
                .isEqualTo(PersonalData.ERASED);
    }

    @Test
    void itineraryItemsShowTheirTimesWithTheOffsetOfTheirOwnZone() {
        plan();
        feed.feed(trip.value(), 1, new ItineraryItemAddedEvent(trip, "ITI-cst", LocalDateTime.of(year, 5, 11, 10, 0),
                LocalDateTime.of(year, 5, 11, 12, 0), "Nanjing", "Jiangsu FAO", null, null, null,
                ItineraryItemAddedEvent.CHINA_STANDARD_TIME), RECORDED);
        feed.feed(trip.value(), 2, new ItineraryItemAddedEvent(trip, "ITI-cph", LocalDateTime.of(year, 5, 17, 8, 0),
                LocalDateTime.of(year, 5, 17, 9, 0), "Copenhagen", "Debrief", null, null, null,
                "Europe/Copenhagen"), RECORDED);

        List<TripView.ItineraryItem> itinerary = projection.handle(new FindTripQuery(trip.value())).orElseThrow()
                .itinerary();

        assertThat(itinerary).extracting(TripView.ItineraryItem::itemId).containsExactly("ITI-cst", "ITI-cph");
        assertThat(itinerary.get(0).timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(itinerary.get(0).startsAt()).isEqualTo(OffsetDateTime.of(year, 5, 11, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(itinerary.get(1).endsAt()).isEqualTo(OffsetDateTime.of(year, 5, 17, 9, 0, 0, 0, ZoneOffset.ofHours(2)));
    }

    private void plan() {
        feed.feed(trip.value(), 0, new TripPlannedEvent(trip, year, "Annual trip " + year,
                List.of("Nanjing", "Shanghai"), LocalDate.of(year, 5, 10), LocalDate.of(year, 5, 17),
                personalData.seal(leader, "Chair of the Regional Council"), false, null), RECORDED);
    }
}
