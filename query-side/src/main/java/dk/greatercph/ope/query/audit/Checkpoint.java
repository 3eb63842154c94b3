package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of how far the event log reached and what its chain head was, for an auditor to keep
 * outside the system and check later. The signature covers {@link #signedText()}.
 */
@Schema(name = "AuditCheckpoint")
public record Checkpoint(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1250",
                description = "The position of the last linked event; -1 for an empty log", minimum = "-1")
        @NotNull @Min(-1) Long position,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9a-f]{64}$",
                example = "3b7c0e4f9a1d2c6b8e5f0a3d7c9b1e2f4a6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e",
                description = "The chain link of that event (SHA-256, hex)")
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String chainHead,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                example = "2027-04-16T09:30:00.123Z")
        @NotNull Instant issuedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Ed25519")
        @NotBlank String algorithm,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "byte",
                example = "MCowBQYDK2VwAyEA3MS/iAYobd46nDsUhqw1b1s+0DGQyupj58T92WdT7FM=",
                description = "The signing public key, X.509 SubjectPublicKeyInfo (DER), Base64", maxLength = 1000)
        @NotBlank @Size(max = 1000) @Pattern(regexp = BASE64) String publicKey,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "byte",
                example = "ra98hbuNcfMiJkC+KdyejZvaw3SzJB4qcmxjwdLZs1g+YJaokL+M2rmWVWJPKAo8mBm8d5qrxXWMnnWup21cAQ==",
                description = "Ed25519 signature over the UTF-8 text 'OPE-AUDIT-CHECKPOINT/1', position, chain head "
                        + "and issuedAt, each on its own line (no trailing newline), Base64", maxLength = 1000)
        @NotBlank @Size(max = 1000) @Pattern(regexp = BASE64) String signature) {

    /** Base64 as {@code format: byte} means it (RFC 4648, padded): "!!!" was taken and called an invalid signature. */
    static final String BASE64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?";

    static final String FORMAT = "OPE-AUDIT-CHECKPOINT/1";

    /** The exact bytes the signature covers. */
    byte[] signedText() {
        return signedText(position, chainHead, issuedAt);
    }

    static byte[] signedText(long position, String chainHead, Instant issuedAt) {
        return (FORMAT + "\n" + position + "\n" + chainHead + "\n" + issuedAt).getBytes(StandardCharsets.UTF_8);
    }
}
