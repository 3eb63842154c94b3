package dk.greatercph.ope.query.person;

import dk.greatercph.ope.events.delegation.DelegationMemberAddedEvent;
import dk.greatercph.ope.events.delegation.DelegationMemberRemovedEvent;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.PersonalDataErasedEvent;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.events.trip.ParticipantAddedEvent;
import dk.greatercph.ope.events.trip.ParticipantRemovedEvent;
import dk.greatercph.ope.events.trip.TripPlannedEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.security.ActorMetadata;
import dk.greatercph.ope.query.replay.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Where each data subject appears, with the personal fields opened with the person's key. Erasure drops the
 * clear values; a replay after an erasure finds the key gone and records the fields as erased.
 */
@Component
@ProcessingGroup(PersonalDataProjection.NAME)
class PersonalDataProjection {

    static final String NAME = "personal-data";
    static final String MEMBER = "DELEGATION_MEMBER";
    static final String PARTICIPANT = "TRIP_PARTICIPANT";
    static final String LEADER = "TRIP_LEADER";

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    PersonalDataProjection(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    @EventHandler
    void on(DelegationMemberAddedEvent event, @Timestamp Instant at) {
        upsert(event.personId(), MEMBER, event.delegationId().value(), event.memberId(), event.name(), event.title(),
                event.email(), event.phone(), event.organisation(), event.contact(), at);
    }

    @EventHandler
    void on(DelegationMemberRemovedEvent event) {
        removed(MEMBER, event.memberId());
    }

    @EventHandler
    void on(ParticipantAddedEvent event, @Timestamp Instant at) {
        upsert(event.personId(), PARTICIPANT, event.tripId().value(), event.participantId(), event.name(), event.title(),
                null, null, event.organisation(), false, at);
    }

    @EventHandler
    void on(TripPlannedEvent event, @Timestamp Instant at) {
        upsert(event.leader().personId(), LEADER, event.tripId().value(), event.tripId().value(), event.leader(), null,
                null, null, null, false, at);
    }

    @EventHandler
    void on(ParticipantRemovedEvent event) {
        removed(PARTICIPANT, event.participantId());
    }

    @EventHandler
    void on(PersonalDataErasedEvent event, @Timestamp Instant at, @MetaDataValue(ActorMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        UPDATE personal_data SET name = :erased, title = NULL, email = NULL, phone = NULL, erased = true,
                            erased_at = :at, erased_by = :actor, erasure_basis = :basis
                        WHERE person_id = :person
                        """)
                .param("erased", PersonalData.ERASED).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actor", actor).param("basis", event.legalBasis())
                .param("person", event.personId().value()).update();
    }

    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    @QueryHandler
    Optional<PersonView> handle(FindPersonQuery query) {
        List<PersonView.Appearance> appearances = jdbc.sql(
                        "SELECT * FROM personal_data WHERE person_id = :person ORDER BY recorded_at, entry_id")
                .param("person", query.personId()).query(PersonalDataProjection::appearance).list();
        if (appearances.isEmpty()) {
            return Optional.empty();
        }
        boolean erased = jdbc.sql("SELECT bool_or(erased) FROM personal_data WHERE person_id = :person")
                .param("person", query.personId()).query(Boolean.class).single();
        PersonView.Erasure erasure = jdbc.sql("""
                        SELECT erased_at, erased_by, erasure_basis FROM personal_data
                        WHERE person_id = :person AND erased_at IS NOT NULL LIMIT 1
                        """)
                .param("person", query.personId())
                .query((rs, n) -> new PersonView.Erasure(rs.getObject("erased_at", OffsetDateTime.class).toInstant(),
                        rs.getString("erased_by"), rs.getString("erasure_basis")))
                .optional().orElse(null);
        return Optional.of(new PersonView(query.personId(), erased, erasure, appearances));
    }

    @QueryHandler
    List<MemberView> handle(FindMembersQuery query) {
        return jdbc.sql("""
                        SELECT * FROM personal_data WHERE source_type = 'DELEGATION_MEMBER' AND source_id = :id
                          AND NOT removed ORDER BY recorded_at, entry_id
                        """)
                .param("id", query.delegationId())
                .query((rs, n) -> new MemberView(rs.getString("entry_id"), rs.getString("person_id"), rs.getString("name"),
                        rs.getString("title"), rs.getString("email"), rs.getString("phone"), rs.getString("organisation"),
                        rs.getBoolean("contact"), rs.getBoolean("erased")))
                .list();
    }

    private void upsert(PersonId person, String sourceType, String sourceId, String entryId, SealedText name,
                        SealedText title, SealedText email, SealedText phone, String organisation, boolean contact,
                        Instant at) {
        boolean erased = personalData.isErased(person);
        jdbc.sql("""
                        INSERT INTO personal_data (person_id, source_type, source_id, entry_id, name, title, email, phone,
                            organisation, contact, erased, recorded_at)
                        VALUES (:person, :type, :source, :entry, :name, :title, :email, :phone, :organisation, :contact,
                            :erased, :at)
                        ON CONFLICT (source_type, entry_id) DO UPDATE SET person_id = EXCLUDED.person_id,
                            source_id = EXCLUDED.source_id, name = EXCLUDED.name, title = EXCLUDED.title,
                            email = EXCLUDED.email, phone = EXCLUDED.phone, organisation = EXCLUDED.organisation,
                            contact = EXCLUDED.contact, erased = EXCLUDED.erased, recorded_at = EXCLUDED.recorded_at
                        """)
                .param("person", person.value()).param("type", sourceType).param("source", sourceId)
                .param("entry", entryId).param("name", personalData.openOrErased(name))
                .param("title", erased ? null : personalData.openOrErased(title))
                .param("email", erased ? null : personalData.openOrErased(email))
                .param("phone", erased ? null : personalData.openOrErased(phone))
                .param("organisation", organisation).param("contact", contact).param("erased", erased)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    private void removed(String sourceType, String entryId) {
        jdbc.sql("UPDATE personal_data SET removed = true WHERE source_type = :type AND entry_id = :entry")
                .param("type", sourceType).param("entry", entryId).update();
    }

    private static PersonView.Appearance appearance(ResultSet rs, int row) throws SQLException {
        return new PersonView.Appearance(rs.getString("source_type"), rs.getString("source_id"), rs.getString("entry_id"),
                rs.getString("name"), rs.getString("title"), rs.getString("email"), rs.getString("phone"),
                rs.getString("organisation"), rs.getBoolean("contact"), rs.getBoolean("removed"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
