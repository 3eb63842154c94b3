package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.eventstore.EventChain;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Signs checkpoints with Ed25519. The key pair comes from configuration ({@code ope.audit.signing.private-key}
 * and {@code public-key}, Base64 DER: PKCS#8 and X.509), or else is generated on the first start that needs it
 * and kept in the {@code audit_signing_key} table.
 */
@Component
class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";

    private final JdbcClient jdbc;
    private final String configuredPrivateKey;
    private final String configuredPublicKey;
    private final Clock clock;
    private volatile KeyPair keyPair;

    CheckpointSigner(JdbcClient jdbc,
                     @Value("${ope.audit.signing.private-key:}") String configuredPrivateKey,
                     @Value("${ope.audit.signing.public-key:}") String configuredPublicKey, Clock clock) {
        this.jdbc = jdbc;
        this.configuredPrivateKey = configuredPrivateKey;
        this.configuredPublicKey = configuredPublicKey;
        this.clock = clock;
    }

    Checkpoint issue() {
        Map<String, Object> head = latestLink();
        long position = head == null ? -1 : (Long) head.get("global_index");
        String chainHead = EventChain.hex(head == null ? EventChain.GENESIS : (byte[]) head.get("link"));
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KeyPair keys = keys();
        byte[] signature = sign(keys, Checkpoint.signedText(position, chainHead, issuedAt));
        return new Checkpoint(position, chainHead, issuedAt, ALGORITHM,
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(signature));
    }

    boolean signatureValid(Checkpoint checkpoint) {
        KeyPair keys = keys();
        byte[] publicKey = keys.getPublic().getEncoded();
        try {
            if (!ALGORITHM.equals(checkpoint.algorithm())
                    || !Arrays.equals(publicKey, Base64.getDecoder().decode(checkpoint.publicKey()))) {
                return false;
            }
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(checkpoint.signedText());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private Map<String, Object> latestLink() {
        return jdbc.sql("SELECT global_index, link FROM " + EventChain.TABLE + " ORDER BY global_index DESC LIMIT 1")
                .query().listOfRows().stream().findFirst().orElse(null);
    }

    private static byte[] sign(KeyPair keys, byte[] text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(text);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint", e);
        }
    }

    private KeyPair keys() {
        KeyPair keys = keyPair;
        if (keys == null) {
            synchronized (this) {
                if (keyPair == null) {
                    keyPair = configuredPrivateKey.isBlank() ? storedOrGenerated() : configured();
                }
                keys = keyPair;
            }
        }
        return keys;
    }

    private KeyPair configured() {
        if (configuredPublicKey.isBlank()) {
            throw new IllegalStateException("ope.audit.signing.private-key is set without ope.audit.signing.public-key");
        }
        return decode(Base64.getDecoder().decode(configuredPrivateKey.trim()),
                Base64.getDecoder().decode(configuredPublicKey.trim()));
    }

    private KeyPair storedOrGenerated() {
        return stored().orElseGet(() -> {
            generateAndStore();
            return stored().orElseThrow();
        });
    }

    private Optional<KeyPair> stored() {
        return jdbc.sql("SELECT private_key, public_key FROM audit_signing_key WHERE id = 1")
                .query((rs, n) -> decode(rs.getBytes("private_key"), rs.getBytes("public_key")))
                .optional();
    }

    private void generateAndStore() {
        try {
            KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            jdbc.sql("""
                            INSERT INTO audit_signing_key (id, algorithm, private_key, public_key)
                            VALUES (1, :algorithm, :privateKey, :publicKey)
                            ON CONFLICT (id) DO NOTHING
                            """)
                    .param("algorithm", ALGORITHM)
                    .param("privateKey", generated.getPrivate().getEncoded())
                    .param("publicKey", generated.getPublic().getEncoded())
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    private static KeyPair decode(byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The audit signing key is not an Ed25519 key pair", e);
        }
    }
}
