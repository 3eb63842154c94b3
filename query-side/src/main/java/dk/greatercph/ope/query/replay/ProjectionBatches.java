package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.processing.ProcessingProperties;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections handle events in batches: one transaction, one commit and one token update per batch of up to
 * {@code ope.projections.batch-size} events instead of per event. Axon's default of one event per batch made every
 * event wait for its own commit on disk, and catching up or replaying ran at a few hundred events a second. A
 * handler that fails still costs only its own event: the batch is retried with a savepoint per handler up to it
 * ({@code SavepointPerEvent}), and the failed event is parked in the dead-letter queue in the same commit as the rest
 * of its batch. Processors that register their own
 * configuration (the notifier and the live push) start from the same one; each processor's thread runs at the nice
 * value of background work ({@code ope.processing.nice}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionBatchSize.class)
class ProjectionBatches {

    @Bean
    ConfigurerModule projectionsHandleEventsInBatches(ProjectionBatchSize batch, ProcessingProperties threads) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(config -> batch.processorConfiguration(threads)));
    }
}
