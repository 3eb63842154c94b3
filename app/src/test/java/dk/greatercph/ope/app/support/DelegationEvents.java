package dk.greatercph.ope.app.support;

import dk.greatercph.ope.events.delegation.AssignmentAcceptedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationScreenedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.time.OpeTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Delegation events as the command side writes them, with defaults that tests rarely care about. */
public final class DelegationEvents {

    public static final ZoneId COPENHAGEN = OpeTime.COPENHAGEN;

    private DelegationEvents() {
    }

    /** A random day far enough in the future that no other test books anything near it. */
    public static LocalDate randomFutureDay() {
        return LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 300 * 365));
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(COPENHAGEN).toInstant();
    }

    public static DelegationRegisteredEvent registered(DelegationId id, String organisation, LocalDate from,
                                                       LocalDate to, Theme... themes) {
        return registered(id, organisation, "Jiangsu", DelegationType.ADMINISTRATIVE, from, to, themes);
    }

    public static DelegationRegisteredEvent registered(DelegationId id, String organisation, String province,
                                                       DelegationType type, LocalDate from, LocalDate to,
                                                       Theme... themes) {
        return new DelegationRegisteredEvent(id, Channel.EMBASSY, organisation, province, "Nanjing", type,
                PoliticalLevel.PROVINCIAL, 8, from, to, List.of(themes), "Study visit of " + organisation,
                "Partners for tele-health", "CN", from.minusMonths(3));
    }

    public static DelegationScreenedEvent screened(DelegationId id, boolean repeat) {
        return new DelegationScreenedEvent(id, repeat, List.of(), "Concrete demand");
    }

    public static DelegationRoutedEvent routed(DelegationId id, String lead, String... supporting) {
        return new DelegationRoutedEvent(id, new OperatorId(lead),
                Arrays.stream(supporting).map(OperatorId::new).toList(), 3, false, null);
    }

    public static AssignmentOfferedEvent offered(DelegationId id, String operator, AssignmentRole role, Instant due) {
        return new AssignmentOfferedEvent(id, new OperatorId(operator), role, due);
    }

    public static AssignmentOfferedEvent offeredLead(DelegationId id, String operator) {
        return offered(id, operator, AssignmentRole.LEAD, Instant.now().plus(3, ChronoUnit.DAYS));
    }

    public static AssignmentAcceptedEvent accepted(DelegationId id, String operator, AssignmentRole role) {
        return new AssignmentAcceptedEvent(id, new OperatorId(operator), role);
    }

    public static ProgrammeItemAddedEvent item(DelegationId id, String itemId, String title, Instant starts,
                                               Instant ends, VenueId venue, PartnerId host) {
        return new ProgrammeItemAddedEvent(id, itemId, ProgrammeItemKind.MEETING, title, starts, ends, venue, host,
                false, new OperatorId("chc"), false);
    }
}
