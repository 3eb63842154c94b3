package dk.greatercph.ope.query.inbox;

import dk.greatercph.ope.query.replay.ProjectionBatchSize;
import dk.greatercph.ope.platform.processing.ProcessingProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live push starts at the head of the event stream: what happened before it first ran is nobody's news. */
@Configuration(proxyBeanMethods = false)
class InboxPushConfiguration {

    @Bean
    ConfigurerModule inboxPushStartsAtHead(ProjectionBatchSize batch, ProcessingProperties threads) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(InboxPush.NAME, c -> batch.processorConfiguration(threads)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
