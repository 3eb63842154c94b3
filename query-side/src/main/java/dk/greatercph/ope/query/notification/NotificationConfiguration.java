package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.query.replay.ProjectionBatchSize;
import dk.greatercph.ope.platform.processing.ProcessingProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifier's processing group starts, the first time it runs, on a replay token that reaches up to the head of
 * the event store: it learns every delegation, assignment and item of the past without notifying anyone of them,
 * and what happens from then on is news.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Bean
    ConfigurerModule notifierLearnsThePastWithoutSendingIt(ProjectionBatchSize batch, ProcessingProperties threads) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(Notifier.NAME, c -> batch.processorConfiguration(threads)
                        .andInitialTrackingToken(source -> ReplayToken.createReplayToken(
                                source.createHeadToken(), source.createTailToken()))));
    }
}
