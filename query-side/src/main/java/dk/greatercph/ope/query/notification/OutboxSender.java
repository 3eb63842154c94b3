package dk.greatercph.ope.query.notification;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.time.OpeTime;
import dk.greatercph.ope.platform.webhook.WebhookSecrets;
import dk.greatercph.ope.platform.webhook.WebhookTargets;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Delivers the outbox, apart from everything else: its own poller thread claims due rows (at most one in flight per
 * recipient or webhook, so a slow receiver holds one thread and nobody else's messages), e-mails go out on one
 * thread through Spring's mail sender, webhooks on their own pool with bounded connect and request timeouts and no
 * redirects. A failure is retried with exponential back-off and jitter until {@code retry-window} after the first
 * attempt; then the row is FAILED — a dead letter, retryable by an administrator. Without an SMTP server
 * ({@code spring.mail.host}) e-mails are HELD in the outbox and logged. Delivery is at least once: a process that
 * dies mid-delivery leaves its claim to expire, and the row is tried again with the same id.
 */
@Component
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int CLAIM_LIMIT = 32;

    private final JdbcClient jdbc;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> mail;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final Reminders reminders;
    private HttpClient http;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService webhookPool;
    private volatile ExecutorService mailPool;

    OutboxSender(JdbcClient jdbc, NotificationProperties properties, Clock clock, ObjectProvider<JavaMailSender> mail,
                 WebhookTargets targets, WebhookSecrets secrets, Reminders reminders) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.mail = mail;
        this.targets = targets;
        this.secrets = secrets;
        this.reminders = reminders;
    }

    /**
     * Made at the first webhook: the JDK's client loads the trust store and starts a selector thread, which took a
     * cold start about 0.1 s in a process that may never call a webhook.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(properties.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(named("notification-outbox"));
        webhookPool = Executors.newFixedThreadPool(Math.max(1, properties.webhookThreads()), named("notification-webhook"));
        mailPool = Executors.newSingleThreadExecutor(named("notification-mail"));
        long every = Math.max(10, properties.pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        for (ExecutorService pool : List.of(poller, webhookPool, mailPool)) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** After the web server and the event processors: the outbox needs the database, nothing needs the outbox. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    void poll() {
        try {
            Instant now = clock.instant();
            reminders.queueDue(now);
            for (Claimed row : claim(now)) {
                (row.channel().equals("EMAIL") ? mailPool : webhookPool).execute(() -> deliver(row));
            }
        } catch (RuntimeException e) {
            log.warn("The notification outbox could not be polled ({}); trying again", e.toString());
        }
    }

    private List<Claimed> claim(Instant now) {
        List<String> candidates = jdbc.sql("""
                        SELECT DISTINCT ON (target) id FROM notification_outbox o
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                          AND (claimed_until IS NULL OR claimed_until < :now)
                          AND NOT EXISTS (SELECT 1 FROM notification_outbox busy WHERE busy.target = o.target
                                          AND busy.status = 'PENDING' AND busy.claimed_until >= :now)
                        ORDER BY target, next_attempt_at, created_at, queued
                        LIMIT :limit
                        """)
                .param("now", OpeTime.utc(now)).param("limit", CLAIM_LIMIT).query(String.class).list();
        Instant lease = now.plus(properties.claimLease());
        return candidates.stream()
                .map(id -> jdbc.sql("""
                                UPDATE notification_outbox SET claimed_until = :lease
                                WHERE id = :id AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)
                                RETURNING id, channel, target, address, language, subject, body_text, body_html,
                                    payload, attempts, first_attempt_at
                                """)
                        .param("id", id).param("now", OpeTime.utc(now)).param("lease", OpeTime.utc(lease))
                        .query((rs, n) -> new Claimed(rs.getString("id"), rs.getString("channel"),
                                rs.getString("target"), rs.getString("address"), rs.getString("language"),
                                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                                rs.getString("payload"), rs.getInt("attempts"),
                                instant(rs.getObject("first_attempt_at", OffsetDateTime.class))))
                        .optional())
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private void deliver(Claimed row) {
        try {
            attempt(row);
        } catch (RuntimeException e) {
            // the outcome could not be recorded (the database is away): the claim expires and the row is tried again
            log.warn("Notification {} ({}): the outcome of its delivery could not be recorded ({}); it is tried again "
                    + "once its claim expires", row.id(), row.channel(), e.toString());
        }
    }

    private void attempt(Claimed row) {
        Instant started = clock.instant();
        try {
            if (row.channel().equals("EMAIL")) {
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    held(row);
                    return;
                }
                email(sender, row);
            } else {
                webhook(row, started);
            }
            sent(row);
        } catch (Unsubscribed e) {
            dropped(row);
        } catch (Undeliverable e) {
            failed(row, started, e.getMessage(), e.retryable);
        } catch (Exception e) {
            String receiver = row.channel().equals("EMAIL") ? "the mail server"
                    : DeliveryFailure.receiver(row.address());
            failed(row, started, DeliveryFailure.describe(e, receiver, properties.connectTimeout(),
                    properties.requestTimeout()), true);
        }
    }

    private void email(JavaMailSender sender, Claimed row) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(row.address());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        for (Attachment attachment : attachments(row.id())) {
            helper.addAttachment(attachment.name(), new ByteArrayResource(
                            attachment.content().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=" + attachment.method());
        }
        message.setHeader("Content-Language", row.language());
        message.setHeader("X-OPE-Notification-Id", row.id());
        sender.send(message);
    }

    private void webhook(Claimed row, Instant now) throws Exception {
        URI uri = URI.create(row.address());
        try {
            targets.check(row.address());
        } catch (DomainProblem refused) {
            throw new Undeliverable(refused.getMessage(), true);
        }
        List<String> valid = secrets.valid(row.target(), now);
        if (valid.isEmpty()) {
            throw new Unsubscribed();
        }
        String timestamp = Long.toString(now.getEpochSecond());
        String signature = valid.stream().map(secret -> "v1," + sign(secret, row.id(), timestamp, row.payload()))
                .collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "One-Point-Entry-Webhooks/1")
                .header("webhook-id", row.id())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(row.payload(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Undeliverable("HTTP " + response.statusCode() + " from the receiver", true);
        }
    }

    /** {@code v1} signature of Standard Webhooks: base64 of HMAC-SHA256 over {@code id.timestamp.body}. */
    static String sign(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sent(Claimed row) {
        jdbc.sql("""
                        UPDATE notification_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1,
                            first_attempt_at = COALESCE(first_attempt_at, now()), claimed_until = NULL
                        WHERE id = :id
                        """)
                .param("id", row.id()).update();
        log.info("Notification {} ({}) delivered", row.id(), row.channel());
        pollNow();
    }

    /**
     * Polls again at once, on the poller's thread: the next message for the receiver just served is claimed now, not
     * at the next interval. One message per receiver and interval delivered a backlog of 1,900 offers to one
     * receiver, answering in 50 ms, at one a second: about 32 minutes.
     */
    private void pollNow() {
        ScheduledExecutorService current = poller;
        if (current != null) {
            try {
                current.execute(this::poll);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the sender is stopping: the next start polls
            }
        }
    }

    private void held(Claimed row) {
        jdbc.sql("UPDATE notification_outbox SET status = 'HELD', claimed_until = NULL WHERE id = :id")
                .param("id", row.id()).update();
        log.info("Notification {} to {} held in the outbox, no SMTP server configured (spring.mail.host): {}",
                row.id(), row.address(), row.subject());
    }

    /**
     * A delivery to a webhook removed since it was decided: nobody to deliver to, and nothing failed. Each was a dead
     * letter logged as an error, seventeen of them for one removal of a webhook with deliveries pending.
     */
    private void dropped(Claimed row) {
        jdbc.sql("""
                        UPDATE notification_outbox SET status = 'DROPPED', claimed_until = NULL,
                            last_error = 'the webhook was removed before this was delivered'
                        WHERE id = :id
                        """)
                .param("id", row.id()).update();
        log.info("Notification {} to webhook {} dropped: the webhook was removed before it was delivered", row.id(),
                row.target());
    }

    private void failed(Claimed row, Instant now, String error, boolean retryable) {
        Instant first = row.firstAttemptAt() == null ? now : row.firstAttemptAt();
        Instant giveUp = first.plus(properties.retryWindow());
        boolean dead = !retryable || !now.isBefore(giveUp);
        Instant next = dead ? now : min(now.plus(backoff(row.attempts() + 1)), giveUp);
        String cause = error == null ? "unknown" : error.replaceAll("\\p{Cntrl}", "?");
        jdbc.sql("""
                        UPDATE notification_outbox SET attempts = attempts + 1, first_attempt_at = :first,
                            status = :status, next_attempt_at = :next, claimed_until = NULL, last_error = :error
                        WHERE id = :id
                        """)
                .param("id", row.id()).param("first", OpeTime.utc(first)).param("status", dead ? "FAILED" : "PENDING")
                .param("next", OpeTime.utc(next))
                .param("error", cause.length() > 1000 ? cause.substring(0, 1000) : cause).update();
        if (dead) {
            log.error("Notification {} ({} to {}) gave up after {} attempts and is a dead letter: {}", row.id(),
                    row.channel(), row.channel().equals("EMAIL") ? row.address() : row.target(), row.attempts() + 1, cause);
        } else {
            log.warn("Notification {} ({}) failed attempt {}, next at {}: {}", row.id(), row.channel(),
                    row.attempts() + 1, next, cause);
        }
    }

    /** Exponential from {@code retry-initial}, capped at {@code retry-max}, jittered over its upper half. */
    Duration backoff(int attempt) {
        long base = properties.retryInitial().toMillis();
        long capped = Math.min(properties.retryMax().toMillis(), base << Math.min(30, Math.max(0, attempt - 1)));
        long half = Math.max(1, capped / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private List<Attachment> attachments(String id) {
        return jdbc.sql("SELECT file_name, method, content FROM notification_attachment WHERE outbox_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Claimed(String id, String channel, String target, String address, String language, String subject,
                           String text, String html, String payload, int attempts, Instant firstAttemptAt) {
    }

    private record Attachment(String name, String method, String content) {
    }

    /** The webhook was unsubscribed: its secrets are gone. */
    private static final class Unsubscribed extends Exception {
        Unsubscribed() {
            super("the webhook was removed", null, false, false);
        }
    }

    private static final class Undeliverable extends Exception {
        private final boolean retryable;

        Undeliverable(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }
}
