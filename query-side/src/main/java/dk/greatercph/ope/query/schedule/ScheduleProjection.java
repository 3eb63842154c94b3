package dk.greatercph.ope.query.schedule;

import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.DelegationCancelledEvent;
import dk.greatercph.ope.events.delegation.DelegationConfirmedEvent;
import dk.greatercph.ope.events.delegation.DelegationDeclinedEvent;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.RequestCorrectedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeReopenedEvent;
import dk.greatercph.ope.events.delegation.DelegationRoutedEvent;
import dk.greatercph.ope.events.delegation.DelegationWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemAddedEvent;
import dk.greatercph.ope.events.delegation.AssignmentDeclinedEvent;
import dk.greatercph.ope.events.delegation.AssignmentOfferedEvent;
import dk.greatercph.ope.events.delegation.AssignmentWithdrawnEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemChangedEvent;
import dk.greatercph.ope.events.delegation.ProgrammeItemRemovedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.query.LeftOut;
import dk.greatercph.ope.query.replay.ProjectionWrites;
import dk.greatercph.ope.query.replay.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dk.greatercph.ope.platform.time.OpeTime.utc;

/**
 * Projects programme items into the schedule, keeping removed and cancelled ones (as cancelled) so that calendar
 * clients learn of them, and counting every change of an item into its calendar sequence. Each item row carries
 * the sequence number of the last event applied to it, so a repeated event changes nothing. Trips and their
 * itinerary items are read from the trip projection's table when asked for.
 */
@Component
@ProcessingGroup(ScheduleProjection.NAME)
class ScheduleProjection {

    static final String NAME = "schedule";

    private static final String ITEM_COLUMNS = """
            SELECT i.*, d.organisation, d.operators, v.name AS venue_name, p.name AS host_name
            FROM schedule_item i
            JOIN schedule_delegation d ON d.delegation_id = i.delegation_id
            LEFT JOIN venue_name v ON v.venue_id = i.venue_id
            LEFT JOIN partner_name p ON p.partner_id = i.host_id
            """;

    /**
     * A programme item's place among entries starting at the same time: its anonymous block id, as
     * {@link ScheduleEntryView#booked()} writes it. Compared byte by byte ({@code "C"}), which for these ASCII keys is
     * Java's order of strings, the order {@link Placed#ORDER} puts trips among them in. Defined once in SQL, by V270's
     * {@code schedule_order_key}, which the kept conflicts use too; PostgreSQL inlines it (V272).
     */
    private static final String ORDER_KEY = "schedule_order_key(i.delegation_id, i.item_id) COLLATE \"C\"";

    /**
     * The longest an item may last to be found through the time index (V260): one overlapping a period starts at most
     * this long before it. The period index holds only the items that last longer (or end before they start).
     */
    private static final String SHORT = "interval '24 hours'";

    /**
     * The most entries one answer holds without a limit, unless configured otherwise: far more than a busy month of
     * a desk, few enough that an answer for a whole history cannot exhaust the server's memory.
     */
    static final int MOST_UNPAGED = 5_000;

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final int mostUnpaged;

    ScheduleProjection(JdbcClient jdbc, ProjectionWrites writes,
                       @Value("${ope.schedule.most-unpaged:" + MOST_UNPAGED + "}") int mostUnpaged) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.mostUnpaged = mostUnpaged;
    }

    @EventHandler
    void on(DelegationRegisteredEvent event, @SequenceNumber long version) {
        writes.sql(NAME, """
                        INSERT INTO schedule_delegation (delegation_id, organisation, status, version)
                        VALUES (:id, :organisation, 'OPEN', :version)
                        ON CONFLICT (delegation_id) DO NOTHING
                        """)
                .param("id", event.delegationId().value()).param("organisation", event.requestingOrganisation())
                .param("version", version).of(event.delegationId().value()).update();
    }

    /** The schedule names a delegation by its organisation as corrected. */
    @EventHandler
    void on(RequestCorrectedEvent event, @SequenceNumber long version) {
        writes.sql(NAME, """
                        UPDATE schedule_delegation SET organisation = :organisation, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value()).param("organisation", event.requestingOrganisation())
                .param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationRoutedEvent event, @SequenceNumber long version) {
        String[] operators = Stream.concat(Stream.of(event.lead()), event.supporting().stream())
                .map(OperatorId::value).distinct().toArray(String[]::new);
        writes.sql(NAME, """
                        UPDATE schedule_delegation SET operators = :operators, version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", event.delegationId().value()).param("operators", operators).param("version", version)
                .of(event.delegationId().value()).update();
    }

    /**
     * An operator offered an assignment after the routing (an approved scope expansion, R4) hosts the delegation too:
     * it saw its own items as anonymous blocks, and the desk's filter by operator did not find them. A lead is only
     * ever offered by a routing, whose {@link DelegationRoutedEvent} (just before, in the same command) named it
     * already: no statement for it, one an offered delegation fewer (measured in docs/performance.md).
     */
    @EventHandler
    void on(AssignmentOfferedEvent event, @SequenceNumber long version) {
        if (event.role() == AssignmentRole.LEAD) {
            return;
        }
        writes.sql(NAME, """
                        UPDATE schedule_delegation SET operators = array_append(operators, :operator), version = :version
                        WHERE delegation_id = :id AND version < :version AND NOT (:operator = ANY (operators))
                        """)
                .param("id", event.delegationId().value()).param("operator", event.operatorId().value())
                .param("version", version).of(event.delegationId().value()).update();
    }

    /** An operator that declined or was withdrawn no longer hosts the delegation: it sees its items as blocks. */
    @EventHandler
    void on(AssignmentDeclinedEvent event, @SequenceNumber long version) {
        leaves(event.delegationId(), event.operatorId(), version);
    }

    @EventHandler
    void on(AssignmentWithdrawnEvent event, @SequenceNumber long version) {
        leaves(event.delegationId(), event.operatorId(), version);
    }

    private void leaves(DelegationId id, OperatorId operator, long version) {
        writes.sql(NAME, """
                        UPDATE schedule_delegation SET operators = array_remove(operators, :operator), version = :version
                        WHERE delegation_id = :id AND version < :version
                        """)
                .param("id", id.value()).param("operator", operator.value()).param("version", version)
                .of(id.value()).update();
    }

    @EventHandler
    void on(ProgrammeItemAddedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.sql(NAME, """
                        INSERT INTO schedule_item (item_id, delegation_id, kind, title, starts_at, ends_at, venue_id,
                            host_id, status, sequence, created_at, changed_at, version)
                        VALUES (:item, :id, :kind, :title, :starts, :ends, :venue, :host, 'TENTATIVE', 0, :at, :at,
                            :version)
                        ON CONFLICT (delegation_id, item_id) DO NOTHING
                        """)
                .param("item", event.itemId()).param("id", event.delegationId().value())
                .param("kind", event.kind().name()).param("title", event.title())
                .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                .param("venue", event.venueId() == null ? null : event.venueId().value())
                .param("host", event.hostId() == null ? null : event.hostId().value())
                .param("at", utc(at)).param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(ProgrammeItemChangedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.sql(NAME, """
                        UPDATE schedule_item SET kind = :kind, title = :title, starts_at = :starts, ends_at = :ends,
                            venue_id = :venue, host_id = :host, status = 'TENTATIVE', sequence = sequence + 1,
                            changed_at = :at, version = :version
                        WHERE item_id = :item AND delegation_id = :id AND version < :version
                        """)
                .param("item", event.itemId()).param("id", event.delegationId().value())
                .param("kind", event.kind().name()).param("title", event.title())
                .param("starts", utc(event.startsAt())).param("ends", utc(event.endsAt()))
                .param("venue", event.venueId() == null ? null : event.venueId().value())
                .param("host", event.hostId() == null ? null : event.hostId().value())
                .param("at", utc(at)).param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(ProgrammeItemRemovedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        writes.sql(NAME, """
                        UPDATE schedule_item SET status = 'CANCELLED', removed = TRUE, sequence = sequence + 1,
                            changed_at = :at, version = :version
                        WHERE item_id = :item AND delegation_id = :id AND version < :version
                        """)
                .param("item", event.itemId()).param("id", event.delegationId().value())
                .param("at", utc(at)).param("version", version).of(event.delegationId().value()).update();
    }

    @EventHandler
    void on(DelegationConfirmedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        delegationWide(event.delegationId(), "CONFIRMED", at, version);
    }

    /** A reopened programme's items are tentative again, and its delegation open. */
    @EventHandler
    void on(ProgrammeReopenedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        delegationWide(event.delegationId(), "TENTATIVE", "OPEN", at, version);
    }

    @EventHandler
    void on(DelegationCancelledEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        delegationWide(event.delegationId(), "CANCELLED", at, version);
    }

    @EventHandler
    void on(DelegationDeclinedEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        delegationWide(event.delegationId(), "CANCELLED", at, version);
    }

    @EventHandler
    void on(DelegationWithdrawnEvent event, @Timestamp Instant at, @SequenceNumber long version) {
        delegationWide(event.delegationId(), "CANCELLED", at, version);
    }

    @ResetHandler
    void reset() {
        ProjectionTables.reset(jdbc, NAME);
    }

    /**
     * The page the query asks for; without a limit, every entry when there are at most {@link #mostUnpaged},
     * otherwise the first page of that many (or, for the whole period or nothing, {@link SchedulePage#TOO_MANY}).
     * Each answer is bounded: the unpaged read stops one item after that many, and only then is the ordered page
     * read.
     */
    @QueryHandler
    SchedulePage handle(FindScheduleQuery query) {
        int wanted = query.limit() == null ? mostUnpaged : query.limit();
        List<Placed> placed = new ArrayList<>(items(query, wanted));
        if (query.limit() == null && placed.size() > wanted) {
            return query.wholeOrNothing() ? SchedulePage.TOO_MANY : handle(query.limited(wanted));
        }
        if (query.venue() == null && query.host() == null) {
            placed.addAll(after(query, trips(query)));
        }
        placed.sort(Placed.ORDER);
        List<Placed> page = placed.size() > wanted ? placed.subList(0, wanted) : placed;
        PersonalDataReads.shown(page.stream().map(Placed::shownPerson).filter(Objects::nonNull).toList());
        String next = placed.size() > wanted
                ? ScheduleCursor.encode(new ScheduleCursor.Position(page.get(wanted - 1).start(), page.get(wanted - 1).key()))
                : null;
        return new SchedulePage(page.stream().map(Placed::entry).filter(Objects::nonNull).toList(), next);
    }

    /**
     * The programme items of the query after its position, in the timeline's order. A page reads at most
     * {@code wanted} + 1 of them: enough to fill it whatever the trips add, and to tell whether another page
     * follows. Two kinds of item overlap the period: those starting in it, read in order from the time index until
     * the page is full, and those begun before it and still running at its start, of each length in its own branch
     * ({@link #overlapping}). Every item of the period (no limit) is found as overlapping it alone, and joined to its
     * delegation as a set, which for a whole busy week is several times cheaper than the ordered read; its entries
     * are put in order with the trips' by {@link #handle(FindScheduleQuery)}; it stops one item after
     * {@code wanted}, which tells that the whole period does not fit one answer.
     */
    private List<Placed> items(FindScheduleQuery query, int wanted) {
        OffsetDateTime from = startOf(query.from());
        OffsetDateTime to = query.to() == null ? null : startOf(query.to().plusDays(1));
        StringBuilder sql = new StringBuilder();
        String limit = " LIMIT " + (wanted + 1L);
        if (query.limit() == null && (from != null || to != null)) {
            sql.append("WITH i AS MATERIALIZED ")
                    .append(overlapping("i", from == null ? null : "CAST(:from AS TIMESTAMPTZ)",
                            to == null ? null : "CAST(:to AS TIMESTAMPTZ)"))
                    .append(" SELECT page.*, v.name AS venue_name, p.name AS host_name FROM (");
            sql.append(itemBranch(query, "i", "", to, ""));
        } else {
            String branchLimit = query.limit() == null ? "" : limit;
            sql.append("SELECT page.*, v.name AS venue_name, p.name AS host_name FROM (");
            sql.append(itemBranch(query, "schedule_item i", from == null ? "" : " AND i.starts_at >= :from", to,
                    branchLimit));
            if (from != null) {
                String at = "CAST(:from AS TIMESTAMPTZ)";
                sql.append(" UNION ALL ").append(itemBranch(query, "schedule_item i",
                        " AND " + shortOverlapping("i", at, at) + " AND i.starts_at < :from", to, branchLimit));
                // All the longer ones, unordered: given an order and a limit, PostgreSQL read them from the time
                // index, every item before the period, instead of from the few entries of the period index.
                sql.append(" UNION ALL ").append(itemBranch(query, "schedule_item i",
                        " AND " + longOverlapping("i", at, at) + " AND i.starts_at < :from", to, ""));
            }
        }
        sql.append("""
                ) page
                LEFT JOIN venue_name v ON v.venue_id = page.venue_id
                LEFT JOIN partner_name p ON p.partner_id = page.host_id
                """);
        if (query.limit() != null) {
            sql.append(" ORDER BY page.starts_at, page.order_key");
        }
        sql.append(limit);
        return jdbc.sql(sql.toString())
                .param("from", from).param("to", to)
                .param("operator", query.operator()).param("venue", query.venue()).param("host", query.host())
                .param("viewer", query.viewer())
                .param("afterStart", query.afterStart() == null ? null : utc(query.afterStart()))
                .param("afterKey", query.afterKey())
                .query((rs, n) -> new Placed(rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getString("order_key"),
                        LeftOut.orNull("schedule item", rs.getString("delegation_id") + "." + rs.getString("item_id"),
                                () -> as(query.viewer(), item(rs))), null))
                .list();
    }

    /**
     * The items overlapping the period from {@code from} to {@code to} (SQL expressions, either null for no bound;
     * both ends included), as a subquery of {@code schedule_item} rows named {@code i} inside: those lasting at most
     * {@link #SHORT} and the others, each kind in its own branch so that PostgreSQL reads each through its index
     * (V260).
     */
    private static String overlapping(String i, String from, String to) {
        return "(SELECT * FROM schedule_item " + i + " WHERE " + shortOverlapping(i, from, to)
                + " UNION ALL SELECT * FROM schedule_item " + i + " WHERE " + longOverlapping(i, from, to) + ")";
    }

    /**
     * The condition that item {@code i} lasts at most {@link #SHORT} and overlaps the period (as in
     * {@link #overlapping}): the time index finds it among the items starting no earlier than that before the period.
     */
    private static String shortOverlapping(String i, String from, String to) {
        StringBuilder condition = new StringBuilder(i + ".ends_at >= " + i + ".starts_at AND " + i + ".ends_at - " + i
                + ".starts_at <= " + SHORT);
        if (from != null) {
            condition.append(" AND ").append(i).append(".starts_at >= ").append(from).append(" - ").append(SHORT)
                    .append(" AND ").append(i).append(".ends_at >= ").append(from);
        }
        if (to != null) {
            condition.append(" AND ").append(i).append(".starts_at <= ").append(to);
        }
        return condition.toString();
    }

    /**
     * The condition that item {@code i} lasts longer than {@link #SHORT} (or ends before it starts) and overlaps the
     * period (as in {@link #overlapping}): the period index holds only such items, and its condition is repeated here
     * word for word so that PostgreSQL knows it may use it. An item's period runs from the earlier of its two times to
     * the later, as the index has it.
     */
    private static String longOverlapping(String i, String from, String to) {
        return "(" + i + ".ends_at < " + i + ".starts_at OR " + i + ".ends_at - " + i + ".starts_at > " + SHORT
                + ") AND tstzrange(LEAST(" + i + ".starts_at, " + i + ".ends_at), GREATEST(" + i + ".starts_at, " + i
                + ".ends_at), '[]') && tstzrange(" + (from == null ? "NULL" : from) + ", " + (to == null ? "NULL" : to)
                + ", '[]')";
    }

    /**
     * One branch of the items' query: the items of {@code items} meeting {@code begins} that end after the period's
     * start and start before its end, pass the filters and lie after the position; with a limit, the first of them
     * in order.
     */
    private static String itemBranch(FindScheduleQuery query, String items, String begins, OffsetDateTime to,
                                     String limit) {
        StringBuilder sql = new StringBuilder("(SELECT i.*, d.organisation, d.operators, " + ORDER_KEY
                + " AS order_key FROM " + items + " JOIN schedule_delegation d ON d.delegation_id = i.delegation_id"
                + " WHERE TRUE").append(begins);
        if (query.from() != null) {
            sql.append(" AND i.ends_at > :from");
        }
        if (to != null) {
            sql.append(" AND i.starts_at < :to");
        }
        if (query.operator() != null) {
            sql.append(" AND CAST(:operator AS TEXT) = ANY (d.operators)");
            if (query.viewer() != null) {
                sql.append(" AND CAST(:viewer AS TEXT) = ANY (d.operators)");
            }
        }
        if (query.venue() != null) {
            sql.append(" AND i.venue_id = :venue");
        }
        if (query.host() != null) {
            sql.append(" AND i.host_id = :host");
        }
        if (query.afterStart() != null) {
            sql.append(" AND i.starts_at >= :afterStart AND (i.starts_at > :afterStart OR " + ORDER_KEY
                    + " > :afterKey)");
        }
        if (!limit.isEmpty()) {
            sql.append(" ORDER BY i.starts_at, order_key").append(limit);
        }
        return sql.append(')').toString();
    }

    /** The entries after the query's position. */
    private static List<Placed> after(FindScheduleQuery query, List<Placed> entries) {
        if (query.afterStart() == null) {
            return entries;
        }
        Placed position = new Placed(query.afterStart(), query.afterKey(), null, null);
        return entries.stream().filter(e -> Placed.ORDER.compare(e, position) > 0).toList();
    }

    /**
     * The page of conflicts the query asks for, in their order ({@link FindScheduleConflictsQuery}), read from the
     * pairs kept beside the items ({@code schedule_conflict}, V270): PostgreSQL reads them in order from the
     * position and stops one after the page, so an answer costs its page however many items or conflicts the history
     * holds. An operator's pairs (one of its own items in each) are chosen there too, before the page is cut, and
     * so are the pairs with a cancelled item left out: they are kept whatever the status (V271), so that the
     * delegation-wide status updates need not touch them.
     * <p>
     * With a period, the pairs whose first item overlaps it: those whose first item lasts at most {@link #SHORT}
     * start no earlier than that before the period and are read in order from there; the few others are read apart
     * (V270's partial index), as the items are ({@link #overlapping}).
     */
    @QueryHandler
    ScheduleConflictPage handle(FindScheduleConflictsQuery query) {
        record Key(String delegationId, String itemId) {
        }
        record Pair(String resource, Key first, Key second, FindScheduleConflictsQuery.Position position) {
        }
        StringBuilder filters = new StringBuilder(" AND NOT EXISTS (SELECT 1 FROM schedule_item i WHERE i.delegation_id"
                + " = c.first_delegation AND i.item_id = c.first_item AND i.status = 'CANCELLED') AND NOT EXISTS"
                + " (SELECT 1 FROM schedule_item i WHERE i.delegation_id = c.second_delegation AND i.item_id"
                + " = c.second_item AND i.status = 'CANCELLED')");
        if (query.to() != null) {
            filters.append(" AND c.first_start < :to");
        }
        if (query.from() != null) {
            filters.append(" AND c.first_end > :from");
        }
        if (query.viewer() != null) {
            filters.append(" AND EXISTS (SELECT 1 FROM schedule_delegation d WHERE d.delegation_id IN"
                    + " (c.first_delegation, c.second_delegation) AND CAST(:viewer AS TEXT) = ANY (d.operators))");
        }
        FindScheduleConflictsQuery.Position after = query.after();
        if (after != null) {
            filters.append(" AND c.first_start >= :afterStart AND (c.first_start, c.first_key, c.second_key,"
                    + " c.resource) > (:afterStart, CAST(:afterFirst AS TEXT), CAST(:afterSecond AS TEXT),"
                    + " CAST(:afterResource AS TEXT))");
        }
        String order = " ORDER BY first_start, first_key, second_key, resource LIMIT " + (query.limit() + 1L);
        String sql;
        if (query.from() == null) {
            sql = "SELECT * FROM schedule_conflict c WHERE TRUE" + filters + order;
        } else {
            String longFirst = "(c.first_end < c.first_start OR c.first_end - c.first_start > " + SHORT + ")";
            sql = "SELECT * FROM ((SELECT * FROM schedule_conflict c WHERE c.first_end >= c.first_start"
                    + " AND c.first_end - c.first_start <= " + SHORT + " AND c.first_start >= CAST(:from AS"
                    + " TIMESTAMPTZ) - " + SHORT + filters + order + ") UNION ALL (SELECT * FROM schedule_conflict c"
                    + " WHERE " + longFirst + filters + ")) c" + order;
        }
        List<Pair> pairs = jdbc.sql(sql)
                .param("from", startOf(query.from())).param("to", query.to() == null ? null : startOf(query.to().plusDays(1)))
                .param("viewer", query.viewer())
                .param("afterStart", after == null ? null : utc(after.start()))
                .param("afterFirst", after == null ? null : after.first())
                .param("afterSecond", after == null ? null : after.second())
                .param("afterResource", after == null ? null : after.resource())
                .query((rs, n) -> new Pair(rs.getString("resource"),
                        new Key(rs.getString("first_delegation"), rs.getString("first_item")),
                        new Key(rs.getString("second_delegation"), rs.getString("second_item")),
                        new FindScheduleConflictsQuery.Position(rs.getObject("first_start", OffsetDateTime.class)
                                .toInstant(), rs.getString("first_key"), rs.getString("second_key"),
                                rs.getString("resource"))))
                .list();
        if (pairs.isEmpty()) {
            return new ScheduleConflictPage(List.of(), null);
        }
        List<Pair> page = pairs.size() > query.limit() ? pairs.subList(0, query.limit()) : pairs;
        List<Key> keys = page.stream().flatMap(p -> Stream.of(p.first(), p.second())).distinct().toList();
        Map<Key, ScheduleEntryView> items = jdbc.sql(ITEM_COLUMNS
                        + " JOIN unnest(CAST(:delegations AS TEXT[]), CAST(:items AS TEXT[])) k(delegation_id, item_id)"
                        + " ON k.delegation_id = i.delegation_id AND k.item_id = i.item_id")
                .param("delegations", keys.stream().map(Key::delegationId).toArray(String[]::new))
                .param("items", keys.stream().map(Key::itemId).toArray(String[]::new))
                .query((rs, n) -> item(rs)).list().stream()
                .collect(Collectors.toMap(e -> new Key(e.delegationId(), e.id()), e -> e));
        List<ScheduleConflictView> conflicts = page.stream()
                .map(p -> {
                    ScheduleEntryView first = items.get(p.first());
                    ScheduleEntryView second = items.get(p.second());
                    return new ScheduleConflictView(p.resource(),
                            p.resource().equals("VENUE") ? first.venue() : first.host(),
                            as(query.viewer(), first), as(query.viewer(), second));
                })
                .toList();
        String next = pairs.size() > query.limit()
                ? ScheduleConflictCursor.encode(page.get(page.size() - 1).position()) : null;
        return new ScheduleConflictPage(conflicts, next);
    }

    /**
     * The trips overlapping the asked days, and the items of their itineraries overlapping them (Copenhagen), each in
     * its own time zone, read in one statement: a row per itinerary item, or one without an item for a trip without
     * any. The itineraries are read of the trips a day either side of the period (an item's own time zone may put it
     * on another day), the trips themselves are shown only if their dates overlap the period. The operator and
     * viewer filters select trips the operator travels with, with their items, and the items of other trips that
     * are for the operator (their objective operator); a trip item has no venue or host, so those filters leave it
     * out.
     */
    private List<Placed> trips(FindScheduleQuery query) {
        OffsetDateTime from = startOf(query.from());
        OffsetDateTime to = query.to() == null ? null : startOf(query.to().plusDays(1));
        StringBuilder sql = new StringBuilder("""
                SELECT t.trip_id, t.title, t.leader, t.leader_person_id, t.start_date, t.end_date, t.status, t.version,
                    ARRAY(SELECT DISTINCT p ->> 'operatorId' FROM jsonb_array_elements(t.participants) p
                          WHERE p ->> 'operatorId' IS NOT NULL ORDER BY 1) AS operators,
                    e.i ->> 'itemId' AS item_id, e.i ->> 'startsAt' AS starts_at, e.i ->> 'endsAt' AS ends_at,
                    COALESCE(e.i ->> 'timeZone', 'Asia/Shanghai') AS time_zone, e.i ->> 'city' AS city,
                    e.i ->> 'counterpart' AS counterpart, e.i ->> 'description' AS description,
                    e.i IS NOT NULL AS on_itinerary, %s AS travels, %s AS item_for
                FROM trip_view t LEFT JOIN LATERAL jsonb_array_elements(t.itinerary) AS e(i) ON TRUE
                WHERE TRUE""".formatted(travels(query), itemFor(query)));
        if (query.from() != null) {
            sql.append(" AND t.end_date >= CAST(:from AS DATE) - 1");
        }
        if (query.to() != null) {
            sql.append(" AND t.start_date <= CAST(:to AS DATE) + 1");
        }
        for (String filter : filters(query)) {
            sql.append(" AND (").append(travelling(filter)).append(" OR t.itinerary @> jsonb_build_array(")
                    .append("jsonb_build_object('objectiveOperator', CAST(:").append(filter).append(" AS TEXT))))");
        }
        Map<String, Placed> trips = new LinkedHashMap<>();
        List<Placed> items = new ArrayList<>();
        jdbc.sql(sql.toString())
                .param("from", query.from()).param("to", query.to()).param("operator", query.operator())
                .param("viewer", query.viewer())
                .query(rs -> {
                    String tripId = rs.getString("trip_id");
                    LocalDate starts = rs.getObject("start_date", LocalDate.class);
                    LocalDate ends = rs.getObject("end_date", LocalDate.class);
                    boolean shown = (query.from() == null || ends != null && !ends.isBefore(query.from()))
                            && (query.to() == null || starts != null && !starts.isAfter(query.to()));
                    if (shown && rs.getBoolean("travels") && !trips.containsKey(tripId)) {
                        trips.put(tripId, LeftOut.orNull("trip", tripId, () -> trip(query, rs)));
                    }
                    if (rs.getBoolean("on_itinerary") && rs.getBoolean("item_for")) {
                        ScheduleEntryView item = LeftOut.orNull("trip item", tripId + "." + rs.getString("item_id"),
                                () -> tripItem(query, rs));
                        if (item != null && (from == null || item.endsAt().isAfter(from))
                                && (to == null || item.startsAt().isBefore(to))) {
                            items.add(new Placed(start(item), item.tripId() + "." + item.id(), item, null));
                        }
                    }
                });
        return Stream.concat(trips.values().stream().filter(Objects::nonNull), items.stream()).toList();
    }

    /** The operator filters a query has, as the names of their parameters. */
    private static List<String> filters(FindScheduleQuery query) {
        List<String> filters = new ArrayList<>(2);
        if (query.operator() != null) {
            filters.add("operator");
        }
        if (query.viewer() != null) {
            filters.add("viewer");
        }
        return filters;
    }

    private static String travelling(String filter) {
        return "t.participants @> jsonb_build_array(jsonb_build_object('operatorId', CAST(:" + filter + " AS TEXT)))";
    }

    /** Whether the trip's operators travel with it as each filter asks (true without a filter). */
    private static String travels(FindScheduleQuery query) {
        return filters(query).stream().map(ScheduleProjection::travelling)
                .reduce((a, b) -> a + " AND " + b).orElse("TRUE");
    }

    /**
     * Whether the row's item is shown as each filter asks: its trip travels with the operator, or the item is for
     * that operator (its objective), which put a meeting set up for chc on a trip chc does not travel with in no
     * calendar of chc's.
     */
    private static String itemFor(FindScheduleQuery query) {
        return filters(query).stream()
                .map(filter -> "(" + travelling(filter) + " OR e.i ->> 'objectiveOperator' = CAST(:" + filter
                        + " AS TEXT))")
                .reduce((a, b) -> a + " AND " + b).orElse("TRUE");
    }

    private static Placed trip(FindScheduleQuery query, ResultSet rs) throws SQLException {
        ScheduleEntryView trip = new ScheduleEntryView("TRIP", rs.getString("trip_id"), null,
                rs.getString("title"), null, query.viewer() == null ? rs.getString("leader") : null, true,
                null, null, rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), null, null, strings(rs.getArray("operators")),
                tripStatus(rs.getString("status")), rs.getLong("version"), null, null, null, null);
        return new Placed(start(trip), trip.id(), trip, query.viewer() == null ? shownLeader(rs) : null);
    }

    /**
     * A trip's item; to an operator that does not travel with the trip (the item is for it), without the operators
     * that do: it saw who travelled on a trip it is not part of.
     */
    private static ScheduleEntryView tripItem(FindScheduleQuery query, ResultSet rs) throws SQLException {
        List<String> operators = strings(rs.getArray("operators"));
        if (query.viewer() != null && !operators.contains(query.viewer())) {
            operators = List.of();
        }
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        OffsetDateTime starts = OffsetDateTime.parse(rs.getString("starts_at")).atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime ends = OffsetDateTime.parse(rs.getString("ends_at")).atZoneSameInstant(zone).toOffsetDateTime();
        String description = rs.getString("description");
        return new ScheduleEntryView("TRIP_ITEM", rs.getString("item_id"), null,
                description == null || description.isBlank() ? rs.getString("counterpart") : description, null,
                rs.getString("counterpart"), false, starts, ends, null, null, null, null,
                operators, tripStatus(rs.getString("status")), rs.getLong("version"), null,
                rs.getString("trip_id"), rs.getString("city"), zone.getId());
    }

    private void delegationWide(DelegationId id, String status, Instant at, long version) {
        delegationWide(id, status, status, at, version);
    }

    /** Every item of the delegation to {@code status}, the delegation itself to {@code delegationStatus}. */
    private void delegationWide(DelegationId id, String status, String delegationStatus, Instant at, long version) {
        writes.sql(NAME, """
                        UPDATE schedule_item SET status = :status, sequence = sequence + 1, changed_at = :at,
                            version = :version
                        WHERE delegation_id = :id AND NOT removed AND version < :version
                        """)
                .param("id", id.value()).param("status", status).param("at", utc(at)).param("version", version)
                .of(id.value()).update();
        writes.sql(NAME, "UPDATE schedule_delegation SET status = :status, version = :version WHERE delegation_id = :id AND version < :version")
                .param("id", id.value()).param("status", delegationStatus).param("version", version).of(id.value()).update();
    }

    /**
     * The person whose data showing the trip's leader reads (to the desk and auditors), unless erased; recorded only
     * for the trips of the page answered.
     */
    private static String shownLeader(ResultSet rs) throws SQLException {
        String person = rs.getString("leader_person_id");
        return person != null && !PersonalData.ERASED.equals(rs.getString("leader")) ? person : null;
    }

    /**
     * An entry with its place on the timeline: its start, then its key (a programme item's block id, a trip's id,
     * a trip item's trip and item id). A programme item that cannot be rendered keeps its place without an entry,
     * so a page that ends on it still has a cursor.
     */
    private record Placed(Instant start, String key, ScheduleEntryView entry, String shownPerson) {

        static final Comparator<Placed> ORDER = Comparator.comparing(Placed::start).thenComparing(Placed::key);
    }

    /** An item as {@code viewer} may see it: in full on its own delegations, else as an anonymous block. */
    private static ScheduleEntryView as(String viewer, ScheduleEntryView item) {
        return viewer == null || item.operators().contains(viewer) ? item : item.booked();
    }

    private static ScheduleEntryView item(ResultSet rs) throws SQLException {
        String venue = rs.getString("venue_id");
        String host = rs.getString("host_id");
        return new ScheduleEntryView("PROGRAMME_ITEM", rs.getString("item_id"), rs.getString("delegation_id"),
                rs.getString("title"), rs.getString("kind"), rs.getString("organisation"), false,
                local(rs, "starts_at"), local(rs, "ends_at"), null, null,
                venue == null ? null : new ScheduleEntryView.Place(venue, rs.getString("venue_name")),
                host == null ? null : new ScheduleEntryView.Place(host, rs.getString("host_name")),
                strings(rs.getArray("operators")), rs.getString("status"), rs.getLong("sequence"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(), null, null, null);
    }

    private static String tripStatus(String status) {
        return switch (status) {
            case "APPROVED", "COMPLETED" -> "CONFIRMED";
            case "CANCELLED" -> "CANCELLED";
            default -> "TENTATIVE";
        };
    }

    private static Instant start(ScheduleEntryView entry) {
        return entry.allDay() ? entry.startDate().atStartOfDay(OpeTime.COPENHAGEN).toInstant() : entry.startsAt().toInstant();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(OpeTime.COPENHAGEN).toOffsetDateTime();
    }

    private static OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(OpeTime.COPENHAGEN).toOffsetDateTime();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
