package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On start, registers the five operators of the domain brief if they are not in the event store yet. A
 * restart, or a second node racing this one, never registers one twice: the event store refuses a second
 * first event for the same operator, and that refusal is taken as "already there".
 */
@Component
@ConditionalOnProperty(name = "ope.seed-operators", havingValue = "true", matchIfMissing = true)
class OperatorSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorSeeder.class);

    static final List<RegisterOperatorCommand> OPERATORS = List.of(
            register("clean", "CLEAN", Theme.GREEN_GROWTH),
            register("chc", "Copenhagen Healthtech Cluster", Theme.HEALTH_WELFARE_TECH),
            register("copcap", "Copenhagen Capacity", Theme.INVESTMENT, Theme.TALENT),
            register("woco", "Wonderful Copenhagen", Theme.TOURISM),
            register("region", "The Capital Region's administration", Theme.POLITICAL_DIALOGUE,
                    Theme.AUTHORITY_SOIL_WATER, Theme.AUTHORITY_HEALTH));

    private final CommandGateway commandGateway;
    private final EventStore eventStore;

    OperatorSeeder(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RegisterOperatorCommand operator : OPERATORS) {
            if (eventStore.lastSequenceNumberFor(operator.operatorId().value()).isPresent()) {
                continue;
            }
            try {
                commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(operator)
                        .withMetaData(MetaData.with(ActorMetadata.ACTOR, ActorMetadata.SYSTEM)
                                .and(ActorMetadata.ROLE, "SYSTEM")));
                log.info("Seeded operator {}", operator.operatorId());
            } catch (RuntimeException e) {
                if (eventStore.lastSequenceNumberFor(operator.operatorId().value()).isEmpty()) {
                    throw e;
                }
                log.info("Operator {} was registered meanwhile by another node", operator.operatorId());
            }
        }
    }

    private static RegisterOperatorCommand register(String id, String name, Theme... themes) {
        return new RegisterOperatorCommand(new OperatorId(id), name, List.of(themes));
    }
}
