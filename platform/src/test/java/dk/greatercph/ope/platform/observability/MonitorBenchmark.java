package dk.greatercph.ope.platform.observability;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What an event processor's meters cost per event they see: one thread feeds events of four types through the
 * monitor the platform gives a processor, on a Prometheus registry as in the application, one in four reported
 * handled and the others skipped (a processor skips most of the events it reads), and prints the thread's CPU per
 * event for each round. A program, not a test; run it on the platform module's test class path, with the server's
 * JVM options (docs/performance.md, "The meters of skipped events") or without.
 * <p>
 * Arguments: events per round (default 2000000), rounds (default 8; the first are the JIT's).
 */
public final class MonitorBenchmark {

    record Registered(String id) {
    }

    record Routed(String id) {
    }

    record Offered(String id) {
    }

    record Confirmed(String id) {
    }

    private MonitorBenchmark() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) new AxonMetrics(registry)
                .registerComponentWithDefaultTags(TrackingEventProcessor.class, "measured");
        EventMessage<?>[] seen = {GenericEventMessage.asEventMessage(new Registered("a")),
                GenericEventMessage.asEventMessage(new Routed("a")),
                GenericEventMessage.asEventMessage(new Offered("a")),
                GenericEventMessage.asEventMessage(new Confirmed("a"))};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < events; i++) {
                MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(seen[i & 3]);
                if ((i & 3) == 0) {
                    callback.reportSuccess();
                } else {
                    callback.reportIgnored();
                }
            }
            double nanos = (threads.getCurrentThreadCpuTime() - cpu) / (double) events;
            System.out.printf("round %d: %,d events, %.0f ns of CPU an event (one in four handled)%n", round, events,
                    nanos);
        }
        System.out.printf("a scrape of these meters: %d lines%n", registry.scrape().lines().count());
    }
}
