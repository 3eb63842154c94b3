package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's dimensional message monitors, except that an event processor's meters are found once per event type
 * ({@link EventProcessorMonitor}) instead of at every event; the buses keep Axon's own.
 */
final class AxonMetrics extends GlobalMetricRegistry {

    AxonMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                              String componentName) {
        return EventProcessor.class.isAssignableFrom(componentType)
                ? new EventProcessorMonitor(componentName, getRegistry())
                : super.registerComponentWithDefaultTags(componentType, componentName);
    }
}
