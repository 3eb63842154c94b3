package dk.greatercph.ope.query.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes notifications into {@code notification_outbox}, in the caller's transaction: one row per recipient and per
 * webhook of each owner, keyed by what caused it (an event id, or a reminder's assignment and deadline) and the
 * target, so that writing the same again — a redelivered batch, a replay, a second process — adds nothing.
 */
@Component
class Outbox {

    static final String DESK = "desk";
    private static final String TARGETS = "notifications.outbox-targets";
    private static final String ANY_TARGETS = "notifications.outbox-any-targets";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final NotificationProperties properties;

    Outbox(JdbcClient jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Queues {@code notice} for every recipient and webhook of every owner; returns how many rows were new. */
    int record(String cause, Notice notice, Collection<String> owners) {
        return record(cause, () -> notice, () -> owners);
    }

    /**
     * Queues the notice for every recipient and webhook of every owner, and returns how many rows were new. Who
     * the owners are and what the notice says are asked only when someone may receive it: when nobody has a
     * recipient or a webhook, or none of the owners has, neither is read. Building a notice reads what the notifier
     * knows (organisation, programme, accepted operators), each read sending the batch's writes first; a desk
     * that has not set up notifications paid those round trips at every notice for nothing.
     */
    int record(String cause, Supplier<Notice> notice, Supplier<? extends Collection<String>> owners) {
        if (!anyTargets()) {
            return 0;
        }
        Map<String, Targets> told = new TreeMap<>();
        for (String owner : owners.get()) {
            Targets targets = targets(owner);
            if (!targets.isEmpty()) {
                told.put(owner, targets);
            }
        }
        if (told.isEmpty()) {
            return 0;
        }
        Notice built = notice.get();
        int added = 0;
        for (Map.Entry<String, Targets> owner : told.entrySet()) {
            for (Recipient recipient : owner.getValue().recipients()) {
                added += email(cause, built, owner.getKey(), recipient);
            }
            for (Webhook webhook : owner.getValue().webhooks()) {
                added += webhook(cause, built, owner.getKey(), webhook);
            }
        }
        return added;
    }

    /**
     * Whether anybody has a recipient or a webhook: read once per batch of the notifier's processor, as the
     * owners' targets are ({@link #targets}), and at every call outside a batch.
     */
    private boolean anyTargets() {
        if (!CurrentUnitOfWork.isStarted()) {
            return readAnyTargets();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(ANY_TARGETS, key -> readAnyTargets());
    }

    private boolean readAnyTargets() {
        return jdbc.sql("SELECT EXISTS (SELECT FROM notifier_recipient) OR EXISTS (SELECT FROM notifier_webhook)")
                .query(Boolean.class).single();
    }

    /**
     * An owner's recipients and webhooks, read once per batch of the notifier's processor: a batch of a thousand
     * events told the same few owners and read their settings again for each notice (two statements per owner and
     * notice). The notifier writes them itself, in the order of the events ({@code notifier_recipient},
     * {@code notifier_webhook}), and a change forgets what the batch read ({@link #targetsChanged}). Outside a batch
     * (a reminder) they are read each time.
     */
    private Targets targets(String owner) {
        if (!CurrentUnitOfWork.isStarted()) {
            return readTargets(owner);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Targets> read = batch.getOrComputeResource(TARGETS, key -> new HashMap<>());
        return read.computeIfAbsent(owner, this::readTargets);
    }

    /** A recipient or webhook was added or removed in this batch: its notices after that read the targets again. */
    void targetsChanged() {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.resources().remove(TARGETS);
            batch.resources().remove(ANY_TARGETS);
        }
    }

    private int email(String cause, Notice notice, String owner, Recipient recipient) {
        String key = cause + ":" + recipient.id();
        String id = id(key);
        Wording.Email email = Wording.email(notice, recipient.language());
        int inserted = insert(id, key, cause, notice, owner, "EMAIL", recipient.id(), recipient.address(),
                recipient.language(), email.subject(), email.text(), email.html(), null);
        if (inserted == 1) {
            int position = 0;
            for (Notice.Item item : notice.items()) {
                Invitations.Invitation invitation = Invitations.of(notice.delegationId(), item, notice.occurredAt(),
                        properties.mailFrom(), recipient.address());
                jdbc.sql("""
                                INSERT INTO notification_attachment (outbox_id, position, file_name, method, content)
                                VALUES (:id, :position, :name, :method, :content)
                                """)
                        .param("id", id).param("position", position++).param("name", invitation.fileName())
                        .param("method", invitation.method()).param("content", invitation.content()).update();
            }
        }
        return inserted;
    }

    private int webhook(String cause, Notice notice, String owner, Webhook webhook) {
        String key = cause + ":" + webhook.id();
        String id = id(key);
        String payload = JSON.writeValueAsString(new Payload(notice.kind().type(), notice.occurredAt().toString(),
                Data.of(notice)));
        return insert(id, key, cause, notice, owner, "WEBHOOK", webhook.id(), webhook.url(), null,
                notice.kind().type(), null, null, payload);
    }

    private int insert(String id, String key, String cause, Notice notice, String owner, String channel, String target,
                       String address, String language, String subject, String text, String html, String payload) {
        return jdbc.sql("""
                        INSERT INTO notification_outbox (id, message_key, event_id, kind, owner, delegation_id, channel,
                            target, address, language, subject, body_text, body_html, payload, status, created_at,
                            next_attempt_at)
                        VALUES (:id, :key, :cause, :kind, :owner, :delegation, :channel, :target, :address, :language,
                            :subject, :text, :html, :payload, 'PENDING', now(), now())
                        ON CONFLICT (message_key) DO NOTHING
                        """)
                .param("id", id).param("key", key).param("cause", cause).param("kind", notice.kind().name())
                .param("owner", owner).param("delegation", notice.delegationId()).param("channel", channel)
                .param("target", target).param("address", address).param("language", language)
                .param("subject", subject).param("text", text).param("html", html).param("payload", payload)
                .update();
    }

    /** The message's id, derived from its key: the same on every retry, so a receiver can de-duplicate by it. */
    static String id(String key) {
        return "msg_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    /** An owner's recipients, then its webhooks, each in the order of their ids: one statement. */
    private Targets readTargets(String owner) {
        List<Recipient> recipients = new ArrayList<>();
        List<Webhook> webhooks = new ArrayList<>();
        jdbc.sql("""
                        SELECT 'EMAIL' AS channel, recipient_id AS id, address, language FROM notifier_recipient
                        WHERE owner = :owner
                        UNION ALL
                        SELECT 'WEBHOOK', webhook_id, url, NULL FROM notifier_webhook WHERE owner = :owner
                        ORDER BY channel, id
                        """)
                .param("owner", owner)
                .query(rs -> {
                    if ("EMAIL".equals(rs.getString("channel"))) {
                        recipients.add(new Recipient(rs.getString("id"), rs.getString("address"),
                                rs.getString("language")));
                    } else {
                        webhooks.add(new Webhook(rs.getString("id"), rs.getString("address")));
                    }
                });
        return new Targets(List.copyOf(recipients), List.copyOf(webhooks));
    }

    private record Targets(List<Recipient> recipients, List<Webhook> webhooks) {

        boolean isEmpty() {
            return recipients.isEmpty() && webhooks.isEmpty();
        }
    }

    private record Recipient(String id, String address, String language) {
    }

    private record Webhook(String id, String url) {
    }

    /** The body a webhook receives, in the Standard Webhooks shape. */
    record Payload(String type, String timestamp, Data data) {
    }

    /** What the notification is about; absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(String delegationId, String organisation, String operatorId, String role, String dueAt,
                List<ItemData> items, String decision, List<String> themes, String reason) {

        static Data of(Notice notice) {
            List<ItemData> items = notice.items().isEmpty() ? null : notice.items().stream()
                    .map(item -> new ItemData(item.uid(notice.delegationId()), item.itemId(), item.title(),
                            item.startsAt().toString(), item.endsAt().toString(), item.sequence(),
                            item.cancelled() ? "CANCELLED" : "CONFIRMED"))
                    .toList();
            return new Data(notice.delegationId(), notice.organisation(), notice.operatorId(), notice.role(),
                    notice.dueAt() == null ? null : notice.dueAt().toString(), items, notice.decision(),
                    notice.themes(), notice.reason());
        }
    }

    record ItemData(String uid, String itemId, String title, String startsAt, String endsAt, int sequence,
                    String status) {
    }
}
