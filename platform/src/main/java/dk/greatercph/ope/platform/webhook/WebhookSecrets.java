package dk.greatercph.ope.platform.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The signing secrets of webhook subscriptions, in table {@code webhook_secret}: issued by the command side in the
 * same transaction as the event naming their version, read by the sender. A secret has the Standard Webhooks form
 * {@code whsec_<base64 of 32 random bytes>}; the bytes after the prefix are the HMAC key.
 */
public final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public WebhookSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new secret of {@code version} for the webhook; earlier versions stay valid until {@code previousUntil}. */
    public String issue(String webhookId, int version, Instant previousUntil) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        if (previousUntil != null) {
            jdbc.sql("""
                            UPDATE webhook_secret SET valid_until = :until
                            WHERE webhook_id = :id AND secret_version < :version
                              AND (valid_until IS NULL OR valid_until > :until)
                            """)
                    .param("id", webhookId).param("version", version)
                    .param("until", java.sql.Timestamp.from(previousUntil)).update();
        }
        jdbc.sql("INSERT INTO webhook_secret (webhook_id, secret_version, secret) VALUES (:id, :version, :secret)")
                .param("id", webhookId).param("version", version).param("secret", secret).update();
        return secret;
    }

    /** Forgets every secret of a webhook that was unsubscribed. */
    public void forget(String webhookId) {
        jdbc.sql("DELETE FROM webhook_secret WHERE webhook_id = :id").param("id", webhookId).update();
    }

    /** The secrets to sign with at {@code now}, newest first: the current one and any still in its overlap. */
    public List<String> valid(String webhookId, Instant now) {
        return jdbc.sql("""
                        SELECT secret FROM webhook_secret
                        WHERE webhook_id = :id AND (valid_until IS NULL OR valid_until > :now)
                        ORDER BY secret_version DESC
                        """)
                .param("id", webhookId).param("now", java.sql.Timestamp.from(now)).query(String.class).list();
    }

    /** The HMAC key of a secret: the bytes its base64 part encodes. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
    }
}
