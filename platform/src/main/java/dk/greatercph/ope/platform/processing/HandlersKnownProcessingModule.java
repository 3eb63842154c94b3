package dk.greatercph.ope.platform.processing;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;

/**
 * Axon's event processing module, building every processor as it does, around a {@link HandlersKnownInvoker}.
 */
final class HandlersKnownProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker invoker,
                                                    TrackingEventProcessorConfiguration config,
                                                    StreamableMessageSource<TrackedEventMessage<?>> source) {
        return super.trackingEventProcessor(name, HandlersKnownInvoker.of(invoker), config, source);
    }

    @Override
    protected EventProcessor pooledStreamingEventProcessor(String name, EventHandlerInvoker invoker,
                                                           Configuration configuration,
                                                           StreamableMessageSource<TrackedEventMessage<?>> source,
                                                           PooledStreamingProcessorConfiguration processorConfiguration) {
        return super.pooledStreamingEventProcessor(name, HandlersKnownInvoker.of(invoker), configuration, source,
                processorConfiguration);
    }

    @Override
    protected EventProcessor subscribingEventProcessor(String name, EventHandlerInvoker invoker,
                                                       SubscribableMessageSource<? extends EventMessage<?>> source) {
        return super.subscribingEventProcessor(name, HandlersKnownInvoker.of(invoker), source);
    }
}
