package dk.greatercph.ope.platform.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event processing module, with each processor's handlers found once per event type; and the nice value of
 * the threads that keep the projections ({@code ope.processing.nice}, {@link BackgroundThreads}).
 */
@AutoConfiguration(before = EventProcessingAutoConfiguration.class)
@EnableConfigurationProperties(ProcessingProperties.class)
public class ProcessingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({EventProcessingModule.class, EventProcessingConfiguration.class})
    EventProcessingModule eventProcessingModule() {
        return new HandlersKnownProcessingModule();
    }
}
