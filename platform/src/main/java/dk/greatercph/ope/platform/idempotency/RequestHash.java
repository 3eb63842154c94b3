package dk.greatercph.ope.platform.idempotency;

import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key's request is compared by when the key comes again: its method and address, and its body. A JSON body is
 * compared by its content, so a retry whose client wrote the same object with its members in another order or other
 * white space is the same request (API.md: "the same key and body again returns the first answer"); it was refused
 * as a reused key. Any other body, and JSON that does not read (or names a member twice), is compared by its bytes.
 * {@code bytes} is the hash of the bytes also for JSON: the records kept before JSON was compared by content hold it,
 * and a retry across the upgrade still matches them.
 */
record RequestHash(String value, String bytes) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static RequestHash of(String head, byte[] body, String contentType) {
        String bytes = sha256(head, body);
        byte[] canonical = canonical(body, contentType);
        return new RequestHash(canonical == null ? bytes : sha256(head + "json\n", canonical), bytes);
    }

    /** Whether a kept record's hash is this request's. */
    boolean matches(String kept) {
        return value.equals(kept) || bytes.equals(kept);
    }

    /** The body's JSON with every object's members ordered by name and no white space; null when not JSON. */
    private static byte[] canonical(byte[] body, String contentType) {
        if (contentType == null || body.length == 0) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    && !type.getSubtype().endsWith("+json")) {
                return null;
            }
            return JSON.writeValueAsBytes(ordered(JSON.readTree(body)));
        } catch (JacksonException | IllegalArgumentException unread) {
            return null;
        }
    }

    private static JsonNode ordered(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.propertyNames().stream().sorted().forEach(name -> out.set(name, ordered(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(ordered(element)));
            return out;
        }
        return node;
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
