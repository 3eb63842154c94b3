package dk.greatercph.ope.query.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ope.notifications.*}: the sender's address, how often the outbox is polled, how a failed delivery is retried
 * (exponential back-off from {@code retry-initial}, at most {@code retry-max} apart, with jitter, for
 * {@code retry-window} after the first attempt; then it is dead-lettered), and the webhook calls' timeouts and threads.
 */
@ConfigurationProperties("ope.notifications")
record NotificationProperties(
        @DefaultValue("one-point-entry@localhost") String mailFrom,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration retryInitial,
        @DefaultValue("10m") Duration retryMax,
        @DefaultValue("24h") Duration retryWindow,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("4") int webhookThreads,
        @DefaultValue("2m") Duration claimLease) {
}
