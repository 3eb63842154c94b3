package dk.greatercph.ope.platform.observability;

import dk.greatercph.ope.platform.processing.EventHandled;
import dk.greatercph.ope.platform.security.ActorMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.EnumSet;
import java.util.Map;

/**
 * Metrics and correlation for every process. Axon's message monitors (axon-micrometer) are declared here rather than
 * left to Axon's auto-configuration, which is ordered after Boot 3's meter registry classes and so, under Boot 4, may
 * come first and create a registry of its own that nothing scrapes: this one runs after Boot's registries and before
 * Axon's, which then backs off. The monitors are dimensional: one {@code commandBus.*} timer per command type
 * ({@code payloadType} tag, the command's class name, so bounded), and {@code eventProcessor.*} meters per processor
 * ({@code processorName}) and event type, the latter kept by {@link EventProcessorMonitor}.
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class,
        before = MicrometerMetricsAutoConfiguration.class)
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry registry) {
        return new AxonMetrics(registry);
    }

    @Bean
    @ConditionalOnBean(GlobalMetricRegistry.class)
    MetricsConfigurerModule axonMessageMonitors(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true);
    }

    @Bean
    MeterBinder outboxMeters(ObjectProvider<OutboxBacklog> outboxes) {
        return registry -> new OutboxMeters(outboxes.orderedStream().toList()).bindTo(registry);
    }

    /** A command dispatched while a request is handled starts its chain with the request's correlation id. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> correlationIdAsTraceId() {
        return messages -> (index, command) -> {
            String current = MDC.get(CorrelationId.MDC_KEY);
            if (current == null || command.getMetaData().containsKey(ActorMetadata.TRACE_ID)) {
                return command;
            }
            return command.andMetaData(Map.of(ActorMetadata.TRACE_ID, current));
        };
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> correlationWhileHandlingCommands() {
        return new CorrelationLogging()::handle;
    }

    /** Also hands each event's batch the one result made for all, instead of a new message per event. */
    @Bean
    MessageHandlerInterceptor<EventMessage<?>> correlationWhileHandlingEvents() {
        CorrelationLogging logging = new CorrelationLogging();
        return (unitOfWork, chain) -> EventHandled.result(logging.handle(unitOfWork, chain));
    }

    /** Deadlines are handled by the deadline manager, outside the buses; they log their chain's id too. */
    @Bean
    InitializingBean correlationWhileHandlingDeadlines(ObjectProvider<DeadlineManager> deadlineManager) {
        return () -> deadlineManager.ifAvailable(manager -> manager.registerHandlerInterceptor(new CorrelationLogging()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class CorrelationIdOnRequests {

        /**
         * First, beside the security headers (which refuse nothing either), before everything that might refuse the
         * request (body limit, database unavailable, security) or log about it.
         */
        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration =
                    new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setName("correlationIdFilter");
            registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
