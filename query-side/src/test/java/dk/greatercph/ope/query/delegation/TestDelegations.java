package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.query.support.ProjectionFeed;
import dk.greatercph.ope.query.support.QueryDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The delegation board's projection for tests of the read models that build on its tables (the inbox): registers
 * delegations and feeds their later events.
 */
public final class TestDelegations {

    private final ProjectionFeed feed;

    public TestDelegations(JdbcClient jdbc) {
        this.feed = new ProjectionFeed(new DelegationBoardProjection(jdbc, JsonMapper.builder().build(),
                QueryDatabase.dataSource()));
    }

    /** A delegation of {@code organisation}, registered by the desk at {@code at}, version 0. */
    public DelegationId registered(String organisation, Instant at) {
        DelegationId id = new DelegationId("DEL-" + UUID.randomUUID());
        feed.feed(id.value(), 0, new DelegationRegisteredEvent(id, Channel.EMBASSY, organisation, "Jiangsu",
                "Nanjing", DelegationType.ADMINISTRATIVE, PoliticalLevel.PROVINCIAL, 12, LocalDate.of(2027, 4, 12),
                LocalDate.of(2027, 4, 16), List.of(Theme.HEALTH_WELFARE_TECH), "Study visit", "Partners", "CN",
                LocalDate.of(2027, 1, 20)), at);
        return id;
    }

    /** Feeds a later event of the delegation it names (its {@code delegationId}) as that delegation's version. */
    public void feed(Object event, Instant at, long version) {
        feed.feed(delegationOf(event), version, event, at);
    }

    private static String delegationOf(Object event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("delegationId")) {
                try {
                    return ((DelegationId) component.getAccessor().invoke(event)).value();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(event + " is not a delegation event");
    }
}
