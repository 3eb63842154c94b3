package dk.greatercph.ope.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Axon's dimensional message monitors, with the same meters, except that they are found once per message type instead
 * of at every message: an event processor's by {@link EventProcessorMonitor}, a bus's by {@link BusMonitor}.
 */
final class AxonMetrics extends GlobalMetricRegistry {

    AxonMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                              String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new EventProcessorMonitor(componentName, getRegistry());
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return BusMonitor.handlingBus(componentName, getRegistry());
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return BusMonitor.eventBus(componentName, getRegistry());
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }
}
