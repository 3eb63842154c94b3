package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authenticated principal travels with every command as metadata, and from there to every event the
 * command causes; a command without an actor is refused where it is handled.
 */
@Configuration(proxyBeanMethods = false)
class CommandSecurityConfiguration {

    private static final List<String> CARRIED = List.of(ActorMetadata.ACTOR, ActorMetadata.ROLE,
            ActorMetadata.OPERATOR, ActorMetadata.IDEMPOTENCY_KEY,
            ActorMetadata.IMPORTED, ActorMetadata.IMPORT_FILE, ActorMetadata.IMPORT_LINE, ActorMetadata.IMPORT_ID,
            ActorMetadata.UPGRADE_STEP);

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> principalAsCommandMetadata() {
        return messages -> (index, command) -> {
            if (command.getMetaData().containsKey(ActorMetadata.ACTOR)) {
                return command;
            }
            return CurrentUser.current()
                    .<CommandMessage<?>>map(user -> {
                        Map<String, Object> actor = new HashMap<>();
                        actor.put(ActorMetadata.ACTOR, user.name());
                        actor.put(ActorMetadata.ROLE, user.role().name());
                        if (user.operatorId() != null) {
                            actor.put(ActorMetadata.OPERATOR, user.operatorId());
                        }
                        idempotencyKey().ifPresent(key -> actor.put(ActorMetadata.IDEMPOTENCY_KEY, key));
                        return command.andMetaData(actor);
                    })
                    .orElse(command);
        };
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> refuseCommandsWithoutActor() {
        return (unitOfWork, chain) -> {
            Object actor = unitOfWork.getMessage().getMetaData().get(ActorMetadata.ACTOR);
            if (!(actor instanceof String name) || name.isBlank()) {
                throw new DomainProblem(SecurityProblem.NO_ACTOR,
                        "A command must carry the acting user; none was given.");
            }
            return chain.proceed();
        };
    }

    /**
     * Correlation and trace ids as Axon gives them, the causing message's id, and who acted: copied from a
     * command to the events it causes, and on to whatever those cause in turn. What a deadline causes is done
     * by the system, whoever scheduled it.
     */
    @Bean
    CorrelationDataProvider auditTrailCorrelation() {
        MessageOriginProvider origin = new MessageOriginProvider();
        return message -> {
            Map<String, Object> data = new HashMap<>(origin.correlationDataFor(message));
            data.put(ActorMetadata.CAUSATION_ID, message.getIdentifier());
            if (message instanceof DeadlineMessage<?>) {
                data.put(ActorMetadata.ACTOR, ActorMetadata.SYSTEM);
                data.put(ActorMetadata.ROLE, "SYSTEM");
            } else {
                copy(message, data);
            }
            return data;
        };
    }

    /**
     * Axon's deadline managers handle deadlines in a unit of work of their own, without the correlation
     * providers that commands and events get; without this, what a deadline causes would carry no metadata.
     */
    @Bean
    InitializingBean correlationOnDeadlines(ObjectProvider<DeadlineManager> deadlineManager,
                                            List<CorrelationDataProvider> providers) {
        return () -> deadlineManager.ifAvailable(manager ->
                manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers)));
    }

    private static Optional<String> idempotencyKey() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? Optional.ofNullable(request.getRequest().getHeader("Idempotency-Key"))
                : Optional.empty();
    }

    private static void copy(Message<?> message, Map<String, Object> data) {
        for (String key : CARRIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
    }
}
