package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeReopenedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionApprovedEvent;
import dk.greatercph.ope.events.delegation.ScopeExpansionRejectedEvent;
import dk.greatercph.ope.events.notification.NotificationRecipientAddedEvent;
import dk.greatercph.ope.events.notification.NotificationRecipientRemovedEvent;
import dk.greatercph.ope.events.notification.WebhookSubscribedEvent;
import dk.greatercph.ope.events.notification.WebhookUnsubscribedEvent;
import dk.greatercph.ope.platform.security.ActorMetadata;
import dk.greatercph.ope.platform.time.DaysOff;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.replay.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides who is told what, from the events, and writes it to the outbox in the same transaction as this
 * processing group's token. What it needs to word a notification (organisation, assignments, programme items and
 * their invitation sequence) it keeps in its own tables, rebuilt by a replay. During a replay it writes nothing to
 * the outbox ({@link ReplayStatus}), and the outbox's keys make anything written twice count once.
 * <p>
 * It starts on a replay token up to the head of the store when it first runs, so a system that gets notifications
 * later learns the history without sending it.
 */
@Component
@ProcessingGroup(Notifier.NAME)
class Notifier {

    static final String NAME = "notifications";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final Outbox outbox;

    Notifier(JdbcClient jdbc, ProjectionWrites writes, Outbox outbox) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.outbox = outbox;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event) {
        writes.sql(NAME, """
                        INSERT INTO notification_delegation (delegation_id, organisation) VALUES (:id, :organisation)
                        ON CONFLICT (delegation_id) DO UPDATE SET organisation = EXCLUDED.organisation
                        """)
                .param("id", event.delegationId().value()).param("organisation", event.requestingOrganisation())
                .of(event.delegationId().value()).update();
    }

    /** Notices name the delegation by its organisation as corrected. */
    @EventHandler
    void on(RequestCorrectedEvent event) {
        writes.sql(NAME, "UPDATE notification_delegation SET organisation = :organisation WHERE delegation_id = :id")
                .param("id", event.delegationId().value()).param("organisation", event.requestingOrganisation())
                .of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        writes.sql(NAME, """
                        INSERT INTO notification_assignment (delegation_id, operator_id, role, state, due_at, remind_at)
                        VALUES (:delegation, :operator, :role, 'OFFERED', :due, :remind)
                        ON CONFLICT (delegation_id, operator_id) DO UPDATE SET role = EXCLUDED.role, state = 'OFFERED',
                            due_at = EXCLUDED.due_at, remind_at = EXCLUDED.remind_at
                        """)
                .param("delegation", event.delegationId().value()).param("operator", event.operatorId().value())
                .param("role", event.role().name()).param("due", OpeTime.utc(event.dueAt()))
                .param("remind", OpeTime.utc(reminderAt(event.dueAt(), at))).of(event.delegationId().value()).update();
        if (!replay.isReplay()) {
            outbox.record(eventId, () -> notice(Notice.Kind.ASSIGNMENT_OFFERED, at, event.delegationId().value())
                            .assignment(event.operatorId().value(), event.role().name(), event.dueAt()),
                    () -> List.of(event.operatorId().value()));
        }
    }

    @EventHandler
    void on(AssignmentAcceptedEvent event) {
        state(event.delegationId().value(), event.operatorId().value(), "ACCEPTED");
    }

    /**
     * The lead's decline sends the delegation back to the desk to be routed again: the desk is told, with the reason.
     * It was told nothing; the board showed the delegation screened with no lead, and only its page said why.
     */
    @EventHandler
    void on(AssignmentDeclinedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        state(event.delegationId().value(), event.operatorId().value(), "DECLINED");
        if (!replay.isReplay() && event.role() == AssignmentRole.LEAD) {
            outbox.record(eventId, () -> notice(Notice.Kind.LEAD_DECLINED, at, event.delegationId().value())
                            .assignment(event.operatorId().value(), event.role().name(), null)
                            .scope(null, null, event.reason()),
                    () -> List.of(Outbox.DESK));
        }
    }

    /** A withdrawal an upgrade step records mends an old delegation's offers: nobody is notified of it. */
    @EventHandler
    void on(AssignmentWithdrawnEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay, @MetaDataValue(ActorMetadata.UPGRADE_STEP) String upgradeStep) {
        state(event.delegationId().value(), event.operatorId().value(), "WITHDRAWN");
        if (!replay.isReplay() && upgradeStep == null) {
            outbox.record(eventId, () -> notice(Notice.Kind.ASSIGNMENT_WITHDRAWN, at, event.delegationId().value())
                    .assignment(event.operatorId().value(), null, null), () -> List.of(event.operatorId().value()));
        }
    }

    @EventHandler
    void on(AssignmentEscalatedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        state(event.delegationId().value(), event.operatorId().value(), "ESCALATED");
        if (!replay.isReplay()) {
            outbox.record(eventId, () -> notice(Notice.Kind.ASSIGNMENT_ESCALATED, at, event.delegationId().value())
                            .assignment(event.operatorId().value(), null, event.dueAt()),
                    () -> List.of(event.operatorId().value(), Outbox.DESK));
        }
    }

    @EventHandler
    void on(ProgrammeItemAddedEvent event) {
        writes.sql(NAME, """
                        INSERT INTO notification_item (delegation_id, item_id, title, starts_at, ends_at, sequence)
                        VALUES (:delegation, :item, :title, :starts, :ends, 0)
                        ON CONFLICT (delegation_id, item_id) DO UPDATE SET title = EXCLUDED.title,
                            starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, removed = false
                        """)
                .param("delegation", event.delegationId().value()).param("item", event.itemId())
                .param("title", event.title()).param("starts", OpeTime.utc(event.startsAt()))
                .param("ends", OpeTime.utc(event.endsAt())).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(ProgrammeItemChangedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        writes.sql(NAME, """
                        UPDATE notification_item SET title = :title, starts_at = :starts, ends_at = :ends,
                            sequence = sequence + 1
                        WHERE delegation_id = :delegation AND item_id = :item
                        """)
                .param("delegation", event.delegationId().value()).param("item", event.itemId())
                .param("title", event.title()).param("starts", OpeTime.utc(event.startsAt()))
                .param("ends", OpeTime.utc(event.endsAt())).of(event.delegationId().value()).update();
        if (!replay.isReplay()) {
            String delegation = event.delegationId().value();
            outbox.record(eventId, () -> notice(Notice.Kind.PROGRAMME_ITEM_CHANGED, at, delegation)
                    .withItems(items(delegation, event.itemId(), false)), () -> ownersIfConfirmed(delegation));
        }
    }

    @EventHandler
    void on(ProgrammeItemRemovedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        String delegation = event.delegationId().value();
        writes.sql(NAME, """
                        UPDATE notification_item SET removed = true, sequence = sequence + 1
                        WHERE delegation_id = :delegation AND item_id = :item
                        """)
                .param("delegation", delegation).param("item", event.itemId()).of(delegation).update();
        if (!replay.isReplay()) {
            outbox.record(eventId, () -> notice(Notice.Kind.PROGRAMME_ITEM_CANCELLED, at, delegation)
                    .withItems(items(delegation, event.itemId(), true)), () -> ownersIfConfirmed(delegation));
        }
    }

    @EventHandler
    void on(DelegationConfirmedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        String delegation = event.delegationId().value();
        writes.sql(NAME, "UPDATE notification_delegation SET confirmed = true WHERE delegation_id = :id")
                .param("id", delegation).of(delegation).update();
        writes.sql(NAME, "UPDATE notification_item SET sequence = sequence + 1 WHERE delegation_id = :id AND NOT removed")
                .param("id", delegation).of(delegation).update();
        if (!replay.isReplay()) {
            outbox.record(eventId, () -> notice(Notice.Kind.PROGRAMME_CONFIRMED, at, delegation)
                    .withItems(items(delegation, null, false)), () -> programmeOwners(delegation));
        }
    }

    /** A reopened programme is no longer confirmed: its items' changes notify as a plan's do. */
    @EventHandler
    void on(ProgrammeReopenedEvent event) {
        String delegation = event.delegationId().value();
        writes.sql(NAME, "UPDATE notification_delegation SET confirmed = false WHERE delegation_id = :id")
                .param("id", delegation).of(delegation).update();
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        closed(event.delegationId().value(), at, eventId, replay);
    }

    @EventHandler
    void on(DelegationWithdrawnEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        closed(event.delegationId().value(), at, eventId, replay);
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        closed(event.delegationId().value(), at, eventId, replay);
    }

    @EventHandler
    void on(ScopeExpansionApprovedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        if (!replay.isReplay()) {
            String delegation = event.delegationId().value();
            outbox.record(eventId, () -> notice(Notice.Kind.SCOPE_EXPANSION_DECIDED, at, delegation)
                    .scope("APPROVED", event.themes().stream().map(Enum::name).toList(), null),
                    () -> acceptedOperators(delegation));
        }
    }

    @EventHandler
    void on(ScopeExpansionRejectedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            ReplayStatus replay) {
        if (!replay.isReplay()) {
            String delegation = event.delegationId().value();
            outbox.record(eventId, () -> notice(Notice.Kind.SCOPE_EXPANSION_DECIDED, at, delegation)
                    .scope("REJECTED", null, event.reason()), () -> acceptedOperators(delegation));
        }
    }

    /** Clears what the notifier knows, never the outbox: what was sent stays sent. */
    /*
     * Whom to tell: the recipients and webhooks, kept here in the order of the events. Read from the settings' view,
     * which another processor writes, a recipient added just before an offer was often not there yet, and the new
     * address was never told of it.
     */

    @EventHandler
    void on(NotificationRecipientAddedEvent event) {
        jdbc.sql("""
                        INSERT INTO notifier_recipient (recipient_id, owner, address, language)
                        VALUES (:id, :owner, :address, :language)
                        ON CONFLICT (recipient_id) DO UPDATE SET owner = EXCLUDED.owner, address = EXCLUDED.address,
                            language = EXCLUDED.language
                        """)
                .param("id", event.recipientId()).param("owner", event.owner()).param("address", event.address())
                .param("language", event.language().name().toLowerCase(Locale.ROOT)).update();
        outbox.targetsChanged();
    }

    @EventHandler
    void on(NotificationRecipientRemovedEvent event) {
        jdbc.sql("DELETE FROM notifier_recipient WHERE recipient_id = :id").param("id", event.recipientId()).update();
        outbox.targetsChanged();
    }

    @EventHandler
    void on(WebhookSubscribedEvent event) {
        jdbc.sql("""
                        INSERT INTO notifier_webhook (webhook_id, owner, url) VALUES (:id, :owner, :url)
                        ON CONFLICT (webhook_id) DO UPDATE SET owner = EXCLUDED.owner, url = EXCLUDED.url
                        """)
                .param("id", event.webhookId()).param("owner", event.owner()).param("url", event.url()).update();
        outbox.targetsChanged();
    }

    @EventHandler
    void on(WebhookUnsubscribedEvent event) {
        jdbc.sql("DELETE FROM notifier_webhook WHERE webhook_id = :id").param("id", event.webhookId()).update();
        outbox.targetsChanged();
    }

    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    /** A cancelled, withdrawn or declined delegation that was confirmed cancels the invitations of its items. */
    private void closed(String delegation, Instant at, String eventId, ReplayStatus replay) {
        boolean wasConfirmed = confirmed(delegation);
        writes.sql(NAME, "UPDATE notification_delegation SET confirmed = false WHERE delegation_id = :id")
                .param("id", delegation).of(delegation).update();
        if (!wasConfirmed) {
            return;
        }
        writes.sql(NAME, "UPDATE notification_item SET sequence = sequence + 1 WHERE delegation_id = :id AND NOT removed")
                .param("id", delegation).of(delegation).update();
        if (!replay.isReplay()) {
            outbox.record(eventId, () -> notice(Notice.Kind.PROGRAMME_CANCELLED, at, delegation)
                    .withItems(items(delegation, null, false).stream()
                            .map(item -> new Notice.Item(item.itemId(), item.title(), item.startsAt(), item.endsAt(),
                                    item.sequence(), true))
                            .toList()), () -> programmeOwners(delegation));
        }
    }

    private void state(String delegation, String operator, String state) {
        writes.sql(NAME, "UPDATE notification_assignment SET state = :state WHERE delegation_id = :delegation AND operator_id = :operator")
                .param("delegation", delegation).param("operator", operator).param("state", state)
                .of(delegation).update();
    }

    private boolean confirmed(String delegation) {
        writes.flush(NAME);
        return jdbc.sql("SELECT confirmed FROM notification_delegation WHERE delegation_id = :id")
                .param("id", delegation).query(Boolean.class).optional().orElse(false);
    }

    Notice notice(Notice.Kind kind, Instant at, String delegation) {
        writes.flush(NAME);
        String organisation = jdbc.sql("SELECT organisation FROM notification_delegation WHERE delegation_id = :id")
                .param("id", delegation).query(String.class).optional().orElse(delegation);
        return Notice.about(kind, at, delegation, organisation);
    }

    /** The live items of a delegation, or one item ({@code removed} for one just removed). */
    private List<Notice.Item> items(String delegation, String item, boolean removed) {
        writes.flush(NAME);
        return jdbc.sql("""
                        SELECT item_id, title, starts_at, ends_at, sequence FROM notification_item
                        WHERE delegation_id = :delegation AND (CAST(:item AS TEXT) IS NULL OR item_id = :item)
                          AND removed = :removed
                        ORDER BY starts_at, item_id
                        """)
                .param("delegation", delegation).param("item", item).param("removed", removed)
                .query((rs, n) -> new Notice.Item(rs.getString("item_id"), rs.getString("title"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getInt("sequence"), removed))
                .list();
    }

    /** Who a change of a programme concerns: nobody before it is confirmed, then its {@link #programmeOwners}. */
    private List<String> ownersIfConfirmed(String delegation) {
        return confirmed(delegation) ? programmeOwners(delegation) : List.of();
    }

    /** Who a programme concerns: the operators that accepted an assignment on it, and the desk. */
    private List<String> programmeOwners(String delegation) {
        List<String> owners = new ArrayList<>(acceptedOperators(delegation));
        owners.add(Outbox.DESK);
        return owners;
    }

    private List<String> acceptedOperators(String delegation) {
        writes.flush(NAME);
        return jdbc.sql("SELECT operator_id FROM notification_assignment WHERE delegation_id = :id AND state = 'ACCEPTED'")
                .param("id", delegation).query(String.class).list();
    }

    /**
     * One working day (Copenhagen; weekends, holidays and the public sector's days off skipped) before the deadline; none when that moment is not after the
     * offer, whose own notification already says when it is due.
     */
    static Instant reminderAt(Instant dueAt, Instant offeredAt) {
        ZonedDateTime at = dueAt.atZone(OpeTime.COPENHAGEN);
        do {
            at = at.minusDays(1);
        } while (DaysOff.isDayOff(at.toLocalDate()));
        Instant remind = at.toInstant();
        return remind.isAfter(offeredAt) ? remind : null;
    }
}
