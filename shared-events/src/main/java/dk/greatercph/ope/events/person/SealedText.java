package dk.greatercph.ope.events.person;

/**
 * A personal field as the log keeps it: encrypted with {@code personId}'s data key (AES-GCM, a fresh nonce per
 * value), base64 of nonce and ciphertext. Without the key it is noise.
 */
public record SealedText(PersonId personId, String sealed) {
}
