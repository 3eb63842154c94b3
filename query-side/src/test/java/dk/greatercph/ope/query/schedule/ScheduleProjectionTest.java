package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.query.support.ProjectionFeed;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.support.QueryDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule: programme items fed into the projection, the timeline and the conflicts read through its queries. */
class ScheduleProjectionTest {

    private static final ZoneId COPENHAGEN = OpeTime.COPENHAGEN;
    private static final Instant RECORDED = Instant.parse("2027-03-01T09:00:00Z");
    /** The most entries an unpaged answer holds here. */
    private static final int MOST_UNPAGED = 3;

    private final ScheduleProjection projection = new ScheduleProjection(QueryDatabase.jdbc(),
            new ProjectionWrites(QueryDatabase.dataSource()), MOST_UNPAGED);
    private final ProjectionFeed feed = new ProjectionFeed(projection);

    /** A day of its own, far in the future, so that no other test books anything on it. */
    private final LocalDate day = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300 * 365));
    private final VenueId venue = new VenueId("VEN-" + UUID.randomUUID());

    @Test
    void anItemIsOnTheTimelineInCopenhagenTimeUntilItIsRemoved() {
        DelegationId id = delegation("chc");
        feed.feed(id.value(), 2, item(id, "ITM-1", 10, 12), RECORDED);

        List<ScheduleEntryView> entries = projection.handle(wholeDay(null)).items();

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("PROGRAMME_ITEM");
            assertThat(entry.delegationId()).isEqualTo(id.value());
            assertThat(entry.startsAt().toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(entry.startsAt().getOffset())
                    .isEqualTo(LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(COPENHAGEN).getOffset());
            assertThat(entry.status()).isEqualTo("TENTATIVE");
            assertThat(entry.operators()).containsExactly("chc");
        });

        feed.feed(id.value(), 3, new ProgrammeItemRemovedEvent(id, "ITM-1"), RECORDED);

        assertThat(projection.handle(wholeDay(null)).items())
                .singleElement().satisfies(entry -> assertThat(entry.status()).isEqualTo("CANCELLED"));
    }

    @Test
    void anotherOperatorSeesSomeoneElsesItemOnlyAsAnAnonymousBlock() {
        DelegationId id = delegation("chc");
        feed.feed(id.value(), 2, item(id, "ITM-1", 10, 12), RECORDED);

        assertThat(projection.handle(wholeDay("woco")).items())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.type()).isEqualTo("BOOKED");
                    assertThat(entry.delegationId()).isNull();
                    assertThat(entry.organisation()).isNull();
                });
        assertThat(projection.handle(wholeDay("chc")).items())
                .singleElement().satisfies(entry -> assertThat(entry.type()).isEqualTo("PROGRAMME_ITEM"));
    }

    @Test
    void anUnpagedAnswerHoldsEveryEntryUpToItsBoundAndBeyondItTheFirstPage() {
        DelegationId id = delegation("chc");
        for (int n = 0; n < MOST_UNPAGED; n++) {
            feed.feed(id.value(), 2 + n, item(id, "ITM-" + n, 8 + n, 9 + n), RECORDED);
        }
        SchedulePage whole = projection.handle(wholeDay(null));
        assertThat(whole.items()).extracting(ScheduleEntryView::id).containsExactly("ITM-0", "ITM-1", "ITM-2");
        assertThat(whole.next()).isNull();

        feed.feed(id.value(), 2 + MOST_UNPAGED, item(id, "ITM-" + MOST_UNPAGED, 7, 8), RECORDED);

        SchedulePage first = projection.handle(wholeDay(null));
        assertThat(first.items()).extracting(ScheduleEntryView::id).containsExactly("ITM-3", "ITM-0", "ITM-1");
        ScheduleCursor.Position after = ScheduleCursor.decode(first.next());
        SchedulePage rest = projection.handle(new FindScheduleQuery(day, day, null, null, null, null, after.start(),
                after.key(), 500));
        assertThat(rest.items()).extracting(ScheduleEntryView::id).containsExactly("ITM-2");
        assertThat(rest.next()).isNull();
    }

    @Test
    void twoDelegationsAtTheSameVenueAtTheSameTimeConflictUntilOneIsRemoved() {
        DelegationId first = delegation("chc");
        DelegationId second = delegation("clean");
        feed.feed(first.value(), 2, item(first, "ITM-1", 10, 12), RECORDED);
        feed.feed(second.value(), 2, item(second, "ITM-2", 11, 13), RECORDED);
        feed.feed(first.value(), 3, new DelegationConfirmedEvent(first), RECORDED);

        List<ScheduleConflictView> conflicts = projection.handle(new FindScheduleConflictsQuery(day, day, null, null, 500)).conflicts();

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.resource()).isEqualTo("VENUE");
            assertThat(List.of(conflict.first().delegationId(), conflict.second().delegationId()))
                    .containsExactlyInAnyOrder(first.value(), second.value());
        });

        feed.feed(second.value(), 3, new ProgrammeItemRemovedEvent(second, "ITM-2"), RECORDED);

        assertThat(projection.handle(new FindScheduleConflictsQuery(day, day, null, null, 500)).conflicts()).isEmpty();
    }

    private DelegationId delegation(String lead) {
        DelegationId id = new DelegationId("DEL-" + UUID.randomUUID());
        feed.feed(id.value(), 0, new DelegationRegisteredEvent(id, Channel.EMBASSY, "Org " + id, "Jiangsu", "Nanjing",
                DelegationType.ADMINISTRATIVE, PoliticalLevel.PROVINCIAL, 12, day, day,
                List.of(Theme.HEALTH_WELFARE_TECH), "Study visit", "Partners", "CN", day), RECORDED);
        feed.feed(id.value(), 1, new DelegationRoutedEvent(id, new OperatorId(lead), List.of(), 3, false, null),
                RECORDED);
        return id;
    }

    private ProgrammeItemAddedEvent item(DelegationId id, String itemId, int fromHour, int toHour) {
        return new ProgrammeItemAddedEvent(id, itemId, ProgrammeItemKind.MEETING, "Meeting " + itemId,
                LocalDateTime.of(day, LocalTime.of(fromHour, 0)).atZone(COPENHAGEN).toInstant(),
                LocalDateTime.of(day, LocalTime.of(toHour, 0)).atZone(COPENHAGEN).toInstant(), venue, null, false,
                new OperatorId("chc"), false);
    }

    /** Every entry of the test's day, unpaged, as {@code viewer} sees it. */
    private FindScheduleQuery wholeDay(String viewer) {
        return new FindScheduleQuery(day, day, null, null, null, viewer, null, null, null);
    }
}
