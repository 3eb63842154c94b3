package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;


class DelegationTest {

    private static final DelegationId ID = new DelegationId("DEL-test-1");
    private static final LocalDate FROM = LocalDate.of(2027, 4, 12);
    private static final LocalDate TO = LocalDate.of(2027, 4, 16);

    private FixtureConfiguration<Delegation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delegation.class);
    }

    @Test
    void registersAnIncomingRequest() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(Theme.HEALTH_WELFARE_TECH), FROM, TO, 12))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DelegationRegisteredEvent(ID, Channel.EMBASSY, "Jiangsu Health Commission",
                        "Jiangsu", "Nanjing", DelegationType.ADMINISTRATIVE, PoliticalLevel.PROVINCIAL, 12, FROM,
                        TO, List.of(Theme.HEALTH_WELFARE_TECH), "Study visit", "Tele-health partners"));
    }

    @Test
    void refusesARequestWithoutThemes() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(), FROM, TO, 12))
                .expectException(DomainProblem.class)
                .expectExceptionMessage("A delegation request names at least one theme.")
                .expectNoEvents();
    }

    @Test
    void refusesADateWindowThatEndsBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(Theme.TOURISM), TO, FROM, 12))
                .expectException(DomainProblem.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnEmptyDelegation() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(Theme.TOURISM), FROM, TO, 0))
                .expectException(DomainProblem.class)
                .expectNoEvents();
    }

    private static RegisterDelegationCommand register(List<Theme> themes, LocalDate from, LocalDate to, int headCount) {
        return new RegisterDelegationCommand(ID, Channel.EMBASSY, "Jiangsu Health Commission", "Jiangsu", "Nanjing",
                DelegationType.ADMINISTRATIVE, PoliticalLevel.PROVINCIAL, headCount, from, to, themes,
                "Study visit", "Tele-health partners");
    }
}
