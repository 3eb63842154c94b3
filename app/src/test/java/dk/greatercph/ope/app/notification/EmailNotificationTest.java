package dk.greatercph.ope.app.notification;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.events.delegation.AssignmentEscalatedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.operator.OperatorId;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.greatercph.ope.app.support.TestMailServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dk.greatercph.ope.app.support.DelegationEvents.offered;
import static dk.greatercph.ope.app.support.DelegationEvents.randomFutureDay;
import static dk.greatercph.ope.app.support.DelegationEvents.registered;
import static dk.greatercph.ope.app.support.DelegationEvents.routed;
import static dk.greatercph.ope.app.notification.Notifications.invitations;
import static dk.greatercph.ope.app.notification.Notifications.mails;
import static dk.greatercph.ope.app.notification.Notifications.parts;
import static dk.greatercph.ope.app.notification.Notifications.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mails as a recipient receives them, read from the SMTP server in the test JVM: who gets what, in which
 * language, and the invitations of a confirmed programme parsed back with ical4j.
 */
@OpeIntegrationTest
class EmailNotificationTest {

    @LocalServerPort
    int port;

    @Autowired
    EventLog log;

    Notifications notifications;

    @BeforeEach
    void setUp() {
        notifications = new Notifications(new Api(port));
    }

    @Test
    void anOfferIsMailedToEachRecipientOfTheOperatorInItsLanguage() throws Exception {
        String operator = notifications.operator();
        String danish = Notifications.address("dansk");
        String english = Notifications.address("english");
        notifications.recipient(operator, danish, "da");
        notifications.recipient(operator, english, "en");

        String organisation = "Suzhou Offer " + UUID.randomUUID();
        String delegation = notifications.routedTo(operator, organisation);

        MimeMessage da = mails(danish, 1).get(0);
        MimeMessage en = mails(english, 1).get(0);
        assertThat(da.getSubject()).isEqualTo("Ny opgave: " + organisation + " (" + delegation + ")");
        assertThat(en.getSubject()).isEqualTo("New assignment: " + organisation + " (" + delegation + ")");
        assertThat(da.getHeader("Content-Language")).containsExactly("da");
        assertThat(en.getHeader("Content-Language")).containsExactly("en");
        assertThat(da.getAllRecipients()).extracting(Object::toString).containsExactly(danish);
        assertThat(text(parts(da, "text/plain").get(0))).contains("ledende operatør", "Svar senest");
        assertThat(text(parts(en, "text/html").get(0))).contains("lead operator", "<p>");
        assertThat(notifications.outbox(delegation).valueStream())
                .filteredOn(row -> row.get("kind").asString().equals("ASSIGNMENT_OFFERED"))
                .extracting(row -> row.get("address").asString() + " " + row.get("language").asString())
                .containsExactlyInAnyOrder(danish + " da", english + " en");
        assertThat(Notifications.until(() -> notifications.outbox(delegation),
                rows -> rows.valueStream().allMatch(row -> row.get("status").asString().equals("SENT")),
                java.time.Duration.ofSeconds(10)).valueStream())
                .allSatisfy(row -> assertThat(row.get("status").asString()).isEqualTo("SENT"));
    }

    @Test
    void aReRoutingThatWithdrawsTheOfferTellsTheOperator() throws Exception {
        String operator = notifications.operator();
        String address = Notifications.address("withdrawn");
        notifications.recipient(operator, address, "en");
        String organisation = "Wuxi Rerouted " + UUID.randomUUID();
        String delegation = notifications.routedTo(operator, organisation);

        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/routing", "{}"));

        List<MimeMessage> received = mails(address, 2);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly(
                "New assignment: " + organisation + " (" + delegation + ")",
                "Assignment withdrawn: " + organisation + " (" + delegation + ")");
    }

    @Test
    void aConfirmedProgrammeSendsOneInvitationPerItemAndAChangeOrCancellationUpdatesItUnderTheSameUid() throws Exception {
        String operator = notifications.operator();
        String address = Notifications.address("programme");
        notifications.recipient(operator, address, "en");
        String organisation = "Nanjing Programme " + UUID.randomUUID();
        String delegation = notifications.routedTo(operator, organisation);
        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/assignments/" + operator
                + "/acceptance", ""));
        String venue = notifications.lifecycle().venue();
        String first = notifications.lifecycle().item(notifications.desk(), delegation, "MEETING", venue, null,
                "2027-04-13T10:00:00+02:00", "2027-04-13T11:00:00+02:00");
        String second = notifications.lifecycle().item(notifications.desk(), delegation, "MEETING", venue, null,
                "2027-04-14T09:00:00+02:00", "2027-04-14T10:30:00+02:00");

        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/confirmation", ""));

        MimeMessage confirmed = mails(address, 2).get(1);
        assertThat(confirmed.getSubject()).isEqualTo("Programme confirmed: " + organisation + " (" + delegation + ")");
        List<Calendar> invitations = invitations(confirmed);
        assertThat(invitations).hasSize(2);
        assertThat(invitations).allSatisfy(calendar -> {
            assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
            assertThat(event(calendar, Property.SEQUENCE)).isEqualTo("1");
            assertThat(event(calendar, Property.STATUS)).isEqualTo("CONFIRMED");
            assertThat(event(calendar, Property.ATTENDEE)).isEqualToIgnoringCase("mailto:" + address);
            assertThat(event(calendar, Property.ORGANIZER)).startsWith("mailto:");
        });
        assertThat(invitations).extracting(calendar -> event(calendar, Property.UID)).containsExactly(
                delegation + "." + first + "@one-point-entry", delegation + "." + second + "@one-point-entry");
        assertThat(event(invitations.get(0), Property.DTSTART)).isEqualTo("20270413T080000Z");

        // a confirmed programme is fixed for commands; a changed item is the event the notifier answers all the same
        log.append("Delegation", delegation, new ProgrammeItemChangedEvent(new DelegationId(delegation), first,
                ProgrammeItemKind.MEETING, "Item moved", Instant.parse("2027-04-13T10:00:00Z"),
                Instant.parse("2027-04-13T11:00:00Z"), new VenueId(venue), null, false, false));
        MimeMessage changed = mails(address, 3).get(2);
        assertThat(changed.getSubject()).isEqualTo("Programme item changed: " + organisation + " (" + delegation + ")");
        Calendar update = invitations(changed).get(0);
        assertThat(value(update, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(event(update, Property.UID)).isEqualTo(delegation + "." + first + "@one-point-entry");
        assertThat(event(update, Property.SEQUENCE)).isEqualTo("2");
        assertThat(event(update, Property.SUMMARY)).isEqualTo("Item moved");
        assertThat(event(update, Property.DTSTART)).isEqualTo("20270413T100000Z");

        Lifecycle.ok(notifications.desk().post("/api/delegations/" + delegation + "/cancellation",
                "{\"reason\":\"The visit was called off\"}"));
        MimeMessage cancelled = mails(address, 4).get(3);
        assertThat(cancelled.getSubject()).isEqualTo("Programme cancelled: " + organisation + " (" + delegation + ")");
        List<Calendar> cancels = invitations(cancelled);
        assertThat(cancels).allSatisfy(calendar -> {
            assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
            assertThat(event(calendar, Property.STATUS)).isEqualTo("CANCELLED");
        });
        assertThat(cancels).extracting(calendar -> event(calendar, Property.UID) + " " + event(calendar, Property.SEQUENCE))
                .containsExactlyInAnyOrder(delegation + "." + first + "@one-point-entry 3",
                        delegation + "." + second + "@one-point-entry 2");
    }

    @Test
    void anEscalationTellsTheOperatorAndTheDeskAndADeadlineOneWorkingDayAwayIsAReminder() throws Exception {
        String operator = notifications.operator();
        String operatorAddress = Notifications.address("escalated");
        String deskAddress = Notifications.address("desk");
        notifications.recipient(operator, operatorAddress, "da");
        String deskRecipient = notifications.recipient("desk", deskAddress, "en");
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            DelegationId escalated = DelegationId.newId();
            LocalDate day = randomFutureDay();
            log.append("Delegation", escalated.value(), registered(escalated, "Wuxi Escalation", day, day),
                    routed(escalated, operator));
            log.appendAt("Delegation", escalated.value(), now.minus(4, ChronoUnit.DAYS),
                    offered(escalated, operator, AssignmentRole.LEAD, now.minus(1, ChronoUnit.HOURS)));
            log.append("Delegation", escalated.value(), new AssignmentEscalatedEvent(escalated,
                    new OperatorId(operator), now.minus(1, ChronoUnit.HOURS)));

            assertThat(Notifications.until(() -> TestMailServer.to(deskAddress), list -> list.stream()
                            .anyMatch(m -> subject(m).contains(escalated.value())), Duration.ofSeconds(30)))
                    .extracting(EmailNotificationTest::subject)
                    .contains("Assignment escalated: Wuxi Escalation (" + escalated + ")");
            assertThat(mails(operatorAddress, 2)).extracting(MimeMessage::getSubject).containsExactly(
                    "Ny opgave: Wuxi Escalation (" + escalated + ")",
                    "Opgave eskaleret: Wuxi Escalation (" + escalated + ")");

            DelegationId dueSoon = DelegationId.newId();
            log.append("Delegation", dueSoon.value(), registered(dueSoon, "Wuxi Reminder", day, day),
                    routed(dueSoon, operator));
            log.appendAt("Delegation", dueSoon.value(), now.minus(5, ChronoUnit.DAYS),
                    offered(dueSoon, operator, AssignmentRole.LEAD, now.plus(2, ChronoUnit.HOURS)));

            assertThat(mails(operatorAddress, 4)).extracting(MimeMessage::getSubject).contains(
                    "Ny opgave: Wuxi Reminder (" + dueSoon + ")",
                    "Frist om en arbejdsdag: Wuxi Reminder (" + dueSoon + ")");
            assertThat(notifications.outbox(dueSoon.value()).valueStream()
                    .filter(row -> row.get("kind").asString().equals("DEADLINE_REMINDER"))).hasSize(1);
        } finally {
            Lifecycle.ok(notifications.desk().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + port + "/api/notification-settings/desk/recipients/" + deskRecipient))
                    .DELETE(), java.util.Map.of()));
        }
    }

    /**
     * The lead's decline sends the delegation back to the desk to be routed again: the desk was told nothing, and the
     * board showed it screened with no lead. It is told, with the reason; a supporting operator's decline is not news
     * for the desk.
     */
    @Test
    void aLeadsDeclineTellsTheDeskWithTheReason() throws Exception {
        String operator = notifications.operator();
        String deskAddress = Notifications.address("desk-declined");
        String deskRecipient = notifications.recipient("desk", deskAddress, "en");
        try {
            String delegation = notifications.routedTo(operator, "Wuxi Declined " + UUID.randomUUID());
            Lifecycle.ok(new Api(port).as("desk").post("/api/delegations/" + delegation + "/assignments/" + operator
                    + "/decline", "{\"reason\":\"No capacity in March\"}"));

            MimeMessage mail = Notifications.until(() -> TestMailServer.to(deskAddress), list -> list.stream()
                    .anyMatch(m -> subject(m).contains(delegation)), Duration.ofSeconds(30)).stream()
                    .filter(m -> subject(m).contains(delegation)).findFirst().orElseThrow();
            assertThat(mail.getSubject()).startsWith("Lead declined: Wuxi Declined");
            assertThat(Notifications.text(Notifications.parts(mail, "text/plain").get(0)))
                    .contains(operator + " declined to lead", "Reason: No capacity in March");
            assertThat(notifications.outbox(delegation).valueStream().filter(r -> r.get("owner").asString()
                    .equals("desk")).map(r -> r.get("kind").asString())).containsExactly("LEAD_DECLINED");
        } finally {
            Lifecycle.ok(notifications.desk().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + port + "/api/notification-settings/desk/recipients/" + deskRecipient))
                    .DELETE(), java.util.Map.of()));
        }
    }

    /**
     * A recipient added just before an offer is told of it: the notifier read the recipients from the settings'
     * view, which another processor writes, and in three of four tries the new address was not there yet.
     */
    @Test
    void aRecipientAddedJustBeforeAnOfferIsToldOfIt() {
        for (int attempt = 0; attempt < 3; attempt++) {
            String operator = notifications.operator();
            String address = Notifications.address("just-before");
            Api.Response added = notifications.desk().post("/api/notification-settings/" + operator + "/recipients",
                    "{\"address\":\"" + address + "\",\"language\":\"en\"}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            String delegation = notifications.routedTo(operator, "Wuxi Just Before " + UUID.randomUUID());

            assertThat(Notifications.until(() -> notifications.outbox(delegation), rows -> rows.valueStream()
                    .anyMatch(r -> address.equals(r.path("address").asString(null))), Duration.ofSeconds(15))
                    .valueStream().filter(r -> address.equals(r.path("address").asString(null)))
                    .map(r -> r.get("kind").asString())).as("attempt " + attempt).containsExactly("ASSIGNMENT_OFFERED");
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String event(Calendar calendar, String property) {
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
