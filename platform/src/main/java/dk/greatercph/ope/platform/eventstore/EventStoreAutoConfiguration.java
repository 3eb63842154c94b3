package dk.greatercph.ope.platform.eventstore;

import dk.greatercph.ope.platform.processing.BackgroundThreads;
import dk.greatercph.ope.platform.processing.ProcessingProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's storage on PostgreSQL: the commit-ordered JDBC event store (payloads as {@code bytea}), the saga
 * schema for PostgreSQL, and a Jackson 3 serializer that can read back the tokens it writes.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, TransactionAutoConfiguration.class,
        NoOpTransactionAutoConfiguration.class}, after = DataSourceTransactionManagerAutoConfiguration.class)
@EnableConfigurationProperties({EventStoreProperties.class, ProcessingProperties.class})
public class EventStoreAutoConfiguration {

    static final String EVENTS_READ = "ope.event.store.events.read";

    /** Packages whose types may appear polymorphically in serialized tokens, sagas and messages. */
    static final String[] TRUSTED_PACKAGES = {"org.axonframework.", "java.lang.", "java.util.", "dk.greatercph.ope."};

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          RevisionResolver revisionResolver,
                                          Jackson3SerializerCustomizer serializerCustomizer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreProperties properties,
                                          ObjectProvider<EventUpcaster> upcasters) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(ClassCachingJackson3Serializer.of(revisionResolver, serializerCustomizer,
                        EventStoreAutoConfiguration.class.getClassLoader()))
                .upcasterChain(upcasterChain(upcasters))
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .maxGapOffset(CommitOrderedJdbcEventStorageEngine.MAX_GAP_OFFSET)
                .lowestGlobalSequence(CommitOrderedJdbcEventStorageEngine.LOWEST_GLOBAL_SEQUENCE)
                .batchSize(properties.batchSize());
        return new CommitOrderedJdbcEventStorageEngine(builder, transactionManager, properties.gapTimeout());
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, except that commits wake the streaming
     * processors at most once per {@code ope.event-store.wake-delay} ({@link CoalescingEmbeddedEventStore}), that
     * its thread reading events for the processors runs at their nice value ({@code ope.processing.nice}), and that
     * the events it keeps for them to share grow with the heap ({@code ope.event-store.cached-events}).
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  EventStoreProperties properties, ProcessingProperties processing) {
        return new CoalescingEmbeddedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(properties.cachedEvents())
                .threadFactory(BackgroundThreads.around(
                        new AxonThreadFactory(EmbeddedEventStore.class.getSimpleName()), processing.nice()))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), properties.wakeDelay());
    }

    /**
     * The project's upcasting chain: every {@link EventUpcaster} bean, in {@code @Order}, each turning one older
     * revision of an event into the next. A changed event plugs in by declaring its upcaster as a bean.
     */
    static EventUpcasterChain upcasterChain(ObjectProvider<EventUpcaster> upcasters) {
        return new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    /**
     * {@code ope_event_store_events_read_total}: the events read from the event table for the streaming processors.
     * Its rate over the appends' is how often each event is read: once when every projection is near the head.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    MeterBinder eventStoreReads(EventStorageEngine engine) {
        return registry -> {
            if (engine instanceof CommitOrderedJdbcEventStorageEngine commitOrdered) {
                FunctionCounter.builder(EVENTS_READ, commitOrdered,
                                CommitOrderedJdbcEventStorageEngine::trackedEventsRead)
                        .description("Events read from the event table for the streaming processors")
                        .register(registry);
            }
        };
    }

    /** Links the events stored before the chain existed, once, when the application starts. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    ApplicationRunner linkEventsStoredBeforeTheChain(EventStorageEngine engine) {
        return arguments -> {
            if (engine instanceof CommitOrderedJdbcEventStorageEngine commitOrdered) {
                commitOrdered.linkHistoryIfChainIsEmpty();
            }
        };
    }

    /**
     * Axon's units of work run in the application's transactions. Axon orders its own transaction
     * auto-configuration after Spring Boot 3's transaction-manager class name; under Boot 4 that name moved,
     * so Axon may fall back to no transactions at all — every statement its own commit, and the append lock
     * released at once. Declared here, after Boot 4's transaction manager, it is always the real one.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * Axon's Jackson 3 serializers (events, messages, tokens) accept polymorphic types only from trusted packages, and
     * read events faster with the same results ({@link EventReadingModule}). Axon takes one such customizer.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonMappers() {
        return builder -> {
            BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
            for (String trusted : TRUSTED_PACKAGES) {
                validator.allowIfSubType(trusted);
            }
            builder.polymorphicTypeValidator(validator.build());
            builder.addModule(new EventReadingModule());
        };
    }

    @Bean
    DelegationRegisteredUpcaster delegationRegisteredUpcaster() {
        return new DelegationRegisteredUpcaster();
    }

    @Bean
    VenueRegisteredUpcaster venueRegisteredUpcaster() {
        return new VenueRegisteredUpcaster();
    }

    @Bean
    DelegationCompletedUpcaster delegationCompletedUpcaster() {
        return new DelegationCompletedUpcaster();
    }

    @Bean
    ItineraryItemAddedUpcaster itineraryItemAddedUpcaster() {
        return new ItineraryItemAddedUpcaster();
    }

    @Bean
    ProgrammeItemUpcaster programmeItemUpcaster() {
        return new ProgrammeItemUpcaster();
    }
}
