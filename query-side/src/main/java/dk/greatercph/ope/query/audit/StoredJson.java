package dk.greatercph.ope.query.audit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import java.nio.charset.StandardCharsets;

/**
 * A stored payload or metadata document shown as it is stored, without building its tree and writing the tree out
 * again: on a page of the log those trees were about half the request's CPU. Only a document that is exactly one
 * well-formed JSON object is shown so; any other is left to be read as a tree, so that a document that is no JSON
 * is listed as unreadable, as before. Whether a payload may hold a sealed field to open is {@link #maySeal}.
 */
final class StoredJson {

    private static final byte[] SEALED = "\"sealed\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNICODE_ESCAPE = "\\u".getBytes(StandardCharsets.US_ASCII);

    private StoredJson() {
    }

    /**
     * The document as stored, or null when it must be read as a tree: also when it breaks a line (only whitespace
     * between its tokens can), since the NDJSON export writes each event on one line.
     */
    static JsonNode verbatim(byte[] bytes, JsonMapper json) {
        if (bytes == null || breaksLine(bytes) || !isOneObject(bytes, json)) {
            return null;
        }
        return json.getNodeFactory().rawValueNode(new RawValue(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * Whether the text may hold a sealed value: it names a field {@code sealed}, as every sealed value does, or it
     * holds a Unicode escape (backslash, {@code u}), with which that name could be spelt otherwise.
     */
    static boolean maySeal(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '"' && startsWith(bytes, i, SEALED)
                    || bytes[i] == '\\' && startsWith(bytes, i, UNICODE_ESCAPE)) {
                return true;
            }
        }
        return false;
    }

    private static boolean breaksLine(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        if (bytes.length - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is exactly one JSON object, read token by token without keeping anything. */
    private static boolean isOneObject(byte[] bytes, JsonMapper json) {
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }
}
