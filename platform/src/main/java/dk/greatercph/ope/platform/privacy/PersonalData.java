package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals and opens personal fields with the person's data key: AES-256-GCM from the JDK, a random 96-bit nonce
 * per value, the person id as associated data (a value cannot be moved to another person). Once the key is
 * destroyed, {@link #open} answers empty and {@link #openOrErased} answers {@link #ERASED}.
 */
public class PersonalData {

    /** How an erased personal field reads everywhere. */
    public static final String ERASED = "[erased]";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonKeys keys;

    public PersonalData(PersonKeys keys) {
        this.keys = keys;
    }

    /** The value sealed for {@code person}, or null for a null value. */
    public SealedText seal(PersonId person, String clear) {
        return clear == null ? null : seal(person, clear, keys.keyFor(person));
    }

    /**
     * The value sealed for {@code person} with a key committed before this returns
     * ({@link PersonKeys#committedKeyFor}), so that it opens in every transaction, also if the caller's rolls back;
     * empty once the person was erased. For values that leave the caller's transaction, such as an event upcast
     * while being read.
     */
    public Optional<SealedText> sealWithCommittedKey(PersonId person, String clear) {
        return keys.committedKeyFor(person).map(key -> seal(person, clear, key));
    }

    private static SealedText seal(PersonId person, String clear, byte[] key) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, person);
            byte[] ciphertext = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array();
            return new SealedText(person, Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a personal field", e);
        }
    }

    /** The clear value, or empty when the person's key was destroyed (or the value is null). */
    public Optional<String> open(SealedText sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        return keys.existingKey(sealed.personId()).map(key -> {
            PersonalDataReads.opened(sealed.personId());
            try {
                byte[] bytes = Base64.getDecoder().decode(sealed.sealed());
                byte[] nonce = java.util.Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, sealed.personId());
                return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("a sealed personal field of " + sealed.personId() + " does not open", e);
            }
        });
    }

    /** The clear value, {@link #ERASED} once the key is gone, null for a null value. */
    public String openOrErased(SealedText sealed) {
        return sealed == null ? null : open(sealed).orElse(ERASED);
    }

    /**
     * A copy of a serialized payload in which every sealed field ({@code {"personId":…,"sealed":…}}) is
     * replaced by its clear text, or {@link #ERASED} once the person's key is gone: how the audit log, the
     * timeline and the export show personal data.
     */
    public JsonNode openAll(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            JsonNode sealed = object.get("sealed");
            JsonNode person = object.get("personId");
            if (object.size() == 2 && sealed != null && sealed.isString() && person != null) {
                String personId = person.isObject() ? person.path("value").asString() : person.asString();
                return StringNode.valueOf(openOrErased(new SealedText(new PersonId(personId), sealed.asString())));
            }
            ObjectNode copy = object.objectNode();
            object.properties().forEach(field -> copy.set(field.getKey(), openAll(field.getValue())));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(openAll(element)));
            return copy;
        }
        return node;
    }

    /**
     * A fingerprint of a value of {@code person}'s, keyed by the person's data key (HMAC-SHA256 under a key derived
     * from it): equal values give equal fingerprints, and once the key is destroyed nobody can tell what a stored
     * fingerprint stood for. Creates the key on first use; refused for an erased person, as sealing is.
     */
    public byte[] fingerprint(PersonId person, String clear) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(keys.keyFor(person), "HmacSHA256"));
            byte[] fingerprintKey = derive.doFinal("fingerprint".getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return mac.doFinal(clear.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not fingerprint a personal field", e);
        }
    }

    public boolean isErased(PersonId person) {
        return keys.isErased(person);
    }

    public boolean isKnown(PersonId person) {
        return keys.isKnown(person);
    }

    public void erase(PersonId person) {
        keys.destroy(person);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, PersonId person) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(person.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
