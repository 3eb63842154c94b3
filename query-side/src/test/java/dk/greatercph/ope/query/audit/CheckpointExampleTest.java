package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint the OpenAPI document shows as its example is one a client can verify, not just a shape. */
class CheckpointExampleTest {

    @Test
    void theDocumentedExampleSignatureVerifiesWithTheDocumentedPublicKey() throws Exception {
        long position = Long.parseLong(example("position"));
        String chainHead = example("chainHead");
        Instant issuedAt = Instant.parse(example("issuedAt"));
        PublicKey key = KeyFactory.getInstance(example("algorithm"))
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(example("publicKey"))));
        byte[] signature = Base64.getDecoder().decode(example("signature"));

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(Checkpoint.signedText(position, chainHead, issuedAt));
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(signature).hasSize(64);
    }

    /** The example of a component's {@code @Schema}, which Java places on the record's field. */
    private static String example(String component) throws NoSuchFieldException {
        return Checkpoint.class.getDeclaredField(component).getAnnotation(Schema.class).example();
    }
}
