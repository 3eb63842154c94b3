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
        return registration(id, organisation).origin("CN", province, "Nanjing").type(type).dates(from, to)
                .themes(themes).event();
    }

    /**
     * A registration as the desk records it, every field defaulted (a Chinese administrative delegation from
     * Nanjing, Jiangsu, on health and welfare technology, received three months before its wished dates): a test
     * names only the fields it is about.
     */
    public static Registration registration(DelegationId id, String organisation) {
        return new Registration(id, organisation);
    }

    /** The fields of a {@link DelegationRegisteredEvent}, defaulted, set one by one. */
    public static final class Registration {

        private final DelegationId id;
        private final String organisation;
        private Channel channel = Channel.EMBASSY;
        private String country = "CN";
        private String province = "Jiangsu";
        private String city = "Nanjing";
        private DelegationType type = DelegationType.ADMINISTRATIVE;
        private PoliticalLevel level = PoliticalLevel.PROVINCIAL;
        private int headCount = 8;
        private LocalDate from = LocalDate.of(2027, 4, 12);
        private LocalDate to = LocalDate.of(2027, 4, 16);
        private LocalDate received;
        private List<Theme> themes = List.of(Theme.HEALTH_WELFARE_TECH);
        private String purpose;
        private String opportunity = "Partners for tele-health";

        private Registration(DelegationId id, String organisation) {
            this.id = id;
            this.organisation = organisation;
            this.purpose = "Study visit of " + organisation;
        }

        public Registration channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Registration origin(String country, String province, String city) {
            this.country = country;
            this.province = province;
            this.city = city;
            return this;
        }

        public Registration type(DelegationType type) {
            this.type = type;
            return this;
        }

        public Registration level(PoliticalLevel level) {
            this.level = level;
            return this;
        }

        public Registration headCount(int headCount) {
            this.headCount = headCount;
            return this;
        }

        public Registration dates(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            return this;
        }

        public Registration received(LocalDate received) {
            this.received = received;
            return this;
        }

        public Registration themes(Theme... themes) {
            this.themes = List.of(themes);
            return this;
        }

        public Registration purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Registration opportunity(String opportunity) {
            this.opportunity = opportunity;
            return this;
        }

        public DelegationRegisteredEvent event() {
            return new DelegationRegisteredEvent(id, channel, organisation, province, city, type, level, headCount,
                    from, to, themes, purpose, opportunity, country, received == null ? from.minusMonths(3) : received);
        }
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
