package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.fakes.InMemoryOperatorNames;
import dk.greatercph.ope.command.fakes.InMemoryRoutingTable;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.KpiKind;
import dk.greatercph.ope.events.operator.KpiTarget;
import dk.greatercph.ope.events.operator.KpiTargetsAgreedEvent;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.operator.OperatorRegisteredEvent;
import dk.greatercph.ope.events.operator.OperatorThemesChangedEvent;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.greatercph.ope.command.refusal.Refusals.refusedWith;

class OperatorTest {

    private static final OperatorId CLEAN = new OperatorId("clean");

    private FixtureConfiguration<Operator> fixture;
    private final InMemoryOperatorNames names = new InMemoryOperatorNames();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Operator.class);
        fixture.registerInjectableResource(new InMemoryRoutingTable(6));
        fixture.registerInjectableResource(names);
    }

    @Test
    void refusesANameAnotherOperatorHasAsPeopleReadIt() {
        names.name(new OperatorId("chc"), "Copenhagen Healthtech Cluster");
        fixture.givenNoPriorActivity()
                .when(new RegisterOperatorCommand(CLEAN, " copenhagen  HEALTHTECH cluster", List.of(Theme.GREEN_GROWTH)))
                .expectException(refusedWith("DUPLICATE_OPERATOR_NAME", ProblemKind.CONFLICT))
                .expectNoEvents();
        fixture.given(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 3))
                .when(new RenameOperatorCommand(CLEAN, "Copenhagen Healthtech Cluster", "merger", null))
                .expectException(refusedWith("DUPLICATE_OPERATOR_NAME", ProblemKind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void registeringAnOperatorCreatesARoutingVersion() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOperatorCommand(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH, Theme.GREEN_GROWTH)))
                .expectEvents(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 7));
    }

    @Test
    void refusesAnOperatorWithoutThemes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOperatorCommand(CLEAN, "CLEAN", List.of()))
                .expectException(refusedWith("THEMES_REQUIRED", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }

    @Test
    void changingThemesBumpsTheRoutingVersion() {
        fixture.given(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 3))
                .when(new ChangeOperatorThemesCommand(CLEAN, List.of(Theme.AUTHORITY_SOIL_WATER, Theme.GREEN_GROWTH), null))
                .expectEvents(new OperatorThemesChangedEvent(CLEAN,
                        List.of(Theme.GREEN_GROWTH, Theme.AUTHORITY_SOIL_WATER), List.of(Theme.GREEN_GROWTH), 7))
                .expectResultMessagePayload(new CommandResult(1, null));
    }

    @Test
    void sameThemesAgainChangeNothing() {
        fixture.given(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 3))
                .when(new ChangeOperatorThemesCommand(CLEAN, List.of(Theme.GREEN_GROWTH), null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(0, null));
    }

    @Test
    void agreesYearlyKpiTargets() {
        List<KpiTarget> targets = List.of(new KpiTarget(KpiKind.DELEGATIONS_HANDLED, 40),
                new KpiTarget(KpiKind.INVESTMENT_LEADS, 12));
        fixture.given(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 3))
                .when(new AgreeKpiTargetsCommand(CLEAN, 2027, targets, null))
                .expectEvents(new KpiTargetsAgreedEvent(CLEAN, 2027, targets));
    }

    @Test
    void refusesTheSameKpiTwiceInOneAgreement() {
        fixture.given(new OperatorRegisteredEvent(CLEAN, "CLEAN", List.of(Theme.GREEN_GROWTH), 3))
                .when(new AgreeKpiTargetsCommand(CLEAN, 2027, List.of(new KpiTarget(KpiKind.TOURISTS, 1),
                        new KpiTarget(KpiKind.TOURISTS, 2)), null))
                .expectException(refusedWith("DUPLICATE_KPI", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }
}
