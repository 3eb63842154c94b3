package dk.greatercph.ope.query.trip;

import dk.greatercph.ope.events.person.PersonalDataErasedEvent;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.events.trip.ItineraryItemRemovedEvent;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantRemovedEvent;
import dk.greatercph.ope.events.trip.TripApprovedEvent;
import dk.greatercph.ope.events.trip.TripCancelledEvent;
import dk.greatercph.ope.events.trip.TripCompletedEvent;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Projects trip events into one row per trip. Idempotent: a repeated event leaves the row as it was. */
@Component
@ProcessingGroup(TripProjection.NAME)
class TripProjection {

    static final String NAME = "trip-board";

    private static final TypeReference<List<TripView.Participant>> PARTICIPANTS = new TypeReference<>() {
    };
    private static final TypeReference<List<TripView.ItineraryItem>> ITINERARY = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalData personalData;

    TripProjection(JdbcClient jdbc, JsonMapper json, PersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.personalData = personalData;
    }

    @EventHandler
    void on(TripPlannedEvent event, @SequenceNumber long version, TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO trip_view (trip_id, board_position, year, title, destinations, start_date, end_date,
                            leader, leader_person_id, extraordinary, extraordinary_reason, status, version)
                        VALUES (:id, :position, :year, :title, :destinations, :start, :end, :leader, :leaderPerson,
                            :extraordinary, :reason, 'PLANNED', :version)
                        ON CONFLICT (trip_id) DO NOTHING
                        """)
                .param("id", event.tripId().value()).param("position", token.position().orElseThrow())
                .param("year", event.year()).param("title", event.title())
                .param("destinations", event.destinations().toArray(String[]::new))
                .param("start", event.startDate()).param("end", event.endDate())
                .param("leader", personalData.openOrErased(event.leader()))
                .param("leaderPerson", event.leader().personId().value())
                .param("extraordinary", event.extraordinary()).param("reason", event.extraordinaryReason())
                .param("version", version).update();
    }

    @EventHandler
    void on(ParticipantAddedEvent event, @SequenceNumber long version) {
        TripView.Participant participant = new TripView.Participant(event.participantId(), event.kind().name(),
                event.personId().value(), personalData.openOrErased(event.name()),
                event.title() == null ? null : personalData.open(event.title()).orElse(null), event.organisation(),
                event.operatorId() == null ? null : event.operatorId().value());
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, participants = (
                            SELECT COALESCE(jsonb_agg(p), '[]'::jsonb) FROM jsonb_array_elements(participants) p
                            WHERE p ->> 'participantId' <> :pid) || jsonb_build_array(CAST(:participant AS jsonb))
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("pid", event.participantId())
                .param("participant", json.writeValueAsString(participant)).param("version", version).update();
    }

    @EventHandler
    void on(ParticipantRemovedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, participants = (
                            SELECT COALESCE(jsonb_agg(p), '[]'::jsonb) FROM jsonb_array_elements(participants) p
                            WHERE p ->> 'participantId' <> :pid)
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("pid", event.participantId())
                .param("version", version).update();
    }

    /**
     * The item leaves the trip's view, and with it the schedule and the feeds, which read the view's itinerary. The
     * last item gone, a drafted programme is no programme: the trip is planned again, as its aggregate says.
     */
    @EventHandler
    void on(ItineraryItemRemovedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, itinerary = (
                            SELECT COALESCE(jsonb_agg(i ORDER BY n), '[]'::jsonb)
                            FROM jsonb_array_elements(itinerary) WITH ORDINALITY AS e(i, n)
                            WHERE i ->> 'itemId' <> :item)
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("item", event.itemId())
                .param("version", version).update();
        jdbc.sql("""
                        UPDATE trip_view SET status = 'PLANNED'
                        WHERE trip_id = :id AND version = :version AND status = 'PROGRAMME_DRAFTED'
                          AND jsonb_array_length(itinerary) = 0
                        """)
                .param("id", event.tripId().value()).param("version", version).update();
    }

    @EventHandler
    void on(ItineraryItemAddedEvent event, @SequenceNumber long version) {
        ZoneId zone = ZoneId.of(event.timeZone());
        TripView.ItineraryItem item = new TripView.ItineraryItem(event.itemId(),
                event.startsAt().atZone(zone).toOffsetDateTime(), event.endsAt().atZone(zone).toOffsetDateTime(),
                event.timeZone(), event.city(), event.counterpart(), event.description(),
                event.objectiveOperator() == null ? null : event.objectiveOperator().value(), event.objectiveCompany());
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, status = 'PROGRAMME_DRAFTED',
                            itinerary = itinerary || jsonb_build_array(CAST(:item AS jsonb))
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("item", json.writeValueAsString(item))
                .param("version", version).update();
    }

    @EventHandler
    void on(TripApprovedEvent event, @SequenceNumber long version) {
        status(event.tripId().value(), "APPROVED", version);
    }

    @EventHandler
    void on(TripCompletedEvent event, @SequenceNumber long version) {
        TripView.Report report = new TripView.Report(event.outcomes(), event.agreementsSigned(),
                event.followUps().stream().map(f -> new TripView.FollowUp(f.operatorId().value(), f.action())).toList());
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, status = 'COMPLETED', report = CAST(:report AS jsonb)
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("report", json.writeValueAsString(report))
                .param("version", version).update();
    }

    @EventHandler
    void on(TripCancelledEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE trip_view SET version = :version, status = 'CANCELLED', cancellation_reason = :reason
                        WHERE trip_id = :id AND version < :version
                        """)
                .param("id", event.tripId().value()).param("reason", event.reason()).param("version", version).update();
    }

    /** R9: drop the clear values this view holds of an erased person. */
    @EventHandler
    void on(PersonalDataErasedEvent event) {
        jdbc.sql("UPDATE trip_view SET leader = :erased WHERE leader_person_id = :person")
                .param("person", event.personId().value()).param("erased", PersonalData.ERASED).update();
        jdbc.sql("""
                        UPDATE trip_view SET participants = (
                            SELECT jsonb_agg(CASE WHEN p ->> 'personId' = :person
                                THEN p || jsonb_build_object('name', :erased, 'title', NULL) ELSE p END)
                            FROM jsonb_array_elements(participants) p)
                        WHERE participants @> CAST(:match AS jsonb)
                        """)
                .param("person", event.personId().value()).param("erased", PersonalData.ERASED)
                .param("match", "[{\"personId\":\"" + event.personId().value() + "\"}]").update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM trip_view").update();
    }

    @QueryHandler
    Optional<TripView> handle(FindTripQuery query) {
        return jdbc.sql("SELECT * FROM trip_view WHERE trip_id = :id").param("id", query.tripId())
                .query(this::view).optional();
    }

    @QueryHandler
    List<TripFollowUpView> handle(FindTripFollowUpsQuery query) {
        return jdbc.sql("""
                        SELECT t.trip_id, t.title, t.year, t.end_date, f ->> 'action' AS action
                        FROM trip_view t CROSS JOIN LATERAL jsonb_array_elements(t.report -> 'followUps') f
                        WHERE t.status = 'COMPLETED' AND f ->> 'operatorId' = :operator
                        ORDER BY t.end_date DESC, t.trip_id
                        """)
                .param("operator", query.operatorId())
                .query((rs, n) -> new TripFollowUpView(rs.getString("trip_id"), rs.getString("title"),
                        rs.getInt("year"), rs.getObject("end_date", java.time.LocalDate.class), query.operatorId(),
                        rs.getString("action")))
                .list();
    }

    @QueryHandler
    List<TripView> handle(FindTripsQuery query) {
        return jdbc.sql("""
                        SELECT * FROM trip_view WHERE (CAST(:year AS INTEGER) IS NULL OR year = :year)
                          AND (CAST(:afterId AS TEXT) IS NULL OR (start_date, trip_id) > (:afterDate, :afterId))
                        ORDER BY start_date, trip_id LIMIT CAST(:limit AS INTEGER)
                        """)
                .param("year", query.year())
                .param("afterDate", query.after() == null ? null : query.after().startDate())
                .param("afterId", query.after() == null ? null : query.after().tripId())
                .param("limit", query.limit()).query(this::view).list();
    }

    private void status(String tripId, String status, long version) {
        jdbc.sql("UPDATE trip_view SET version = :version, status = :status WHERE trip_id = :id AND version < :version")
                .param("id", tripId).param("status", status).param("version", version).update();
    }

    private TripView view(ResultSet rs, int row) throws SQLException {
        String report = rs.getString("report");
        return new TripView(rs.getString("trip_id"), rs.getInt("year"), rs.getString("title"),
                Arrays.asList((String[]) rs.getArray("destinations").getArray()),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("leader"), rs.getString("leader_person_id"), rs.getBoolean("extraordinary"),
                rs.getString("extraordinary_reason"),
                rs.getString("status"), json.readValue(rs.getString("participants"), PARTICIPANTS),
                json.readValue(rs.getString("itinerary"), ITINERARY).stream()
                        .map(TripView.ItineraryItem::inOwnZone)
                        // by when they happen, not in the order they were entered (the trip page listed 11 May first)
                        .sorted(java.util.Comparator.comparing(item -> item.startsAt().toInstant()))
                        .toList(),
                report == null ? null : json.readValue(report, TripView.Report.class),
                rs.getString("cancellation_reason"), rs.getLong("version"));
    }
}
