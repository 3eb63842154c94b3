package dk.greatercph.ope.query.deadletter;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every projection gets Axon's sequenced dead-letter queue in PostgreSQL ({@code DeadLetterEntry}): an event its
 * handler cannot apply is parked together with every later event of the same aggregate, while all other
 * aggregates flow on. A replay clears a projection's dead letters with its tables; events that still fail are
 * parked again as the replay reaches them. Each segment remembers which aggregates it has parked, so that the
 * common case — an aggregate with no dead letters — costs no query against the queue.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Far above any real backlog: a full queue stops the projection (it never skips), so the limit must not bite. */
    static final int MAX_SEQUENCES = 100_000;
    static final int MAX_SEQUENCE_SIZE = 100_000;

    /**
     * Configured last: Axon's own auto-configuration registers a provider that gives a queue only to processors
     * with {@code axon.eventhandling.processors.<name>.dlq.enabled}; this one replaces it for every projection.
     */
    @Bean
    ConfigurerModule deadLettersForEveryProjection(ConnectionProvider connectionProvider, ListableBeanFactory beans) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing(processing -> configure(processing, connectionProvider, beans));
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static void configure(EventProcessingConfigurer processing, ConnectionProvider connectionProvider,
                                  ListableBeanFactory beans) {
        processing.registerDeadLetterQueueProvider(group -> config -> JdbcSequencedDeadLetterQueue
                .<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(config.getComponent(TransactionManager.class))
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(config.serializer())
                .eventSerializer(config.eventSerializer())
                .maxSequences(MAX_SEQUENCES)
                .maxSequenceSize(MAX_SEQUENCE_SIZE)
                .build());
        processing.registerDefaultDeadLetterPolicy(config -> new ParkEveryFailure());
        for (String group : processingGroups(beans)) {
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
        }
    }

    /** Wraps every projection handler in a savepoint, so that a failed statement leaves the batch usable. */
    @Bean
    SavepointPerEvent savepointPerEvent(PlatformTransactionManager transactionManager) {
        return new SavepointPerEvent(transactionManager);
    }

    /** The processing groups of this process's event handlers, found without creating the beans. */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .collect(Collectors.toSet());
    }
}
