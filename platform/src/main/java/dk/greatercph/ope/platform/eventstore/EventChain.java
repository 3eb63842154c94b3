package dk.greatercph.ope.platform.eventstore;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evident chain over the event log: each event's link is SHA-256 over the previous link and the
 * event exactly as stored, so changing, removing or inserting any stored event breaks every link after it.
 * <p>
 * A link hashes, in this order: the previous link (32 zero bytes before the first event), then the global
 * index and the sequence number as 8-byte big-endian integers, and the event id, aggregate id, aggregate
 * type, payload type, payload revision, payload, metadata and time stamp, each as a 4-byte big-endian length
 * ({@code -1} when absent) followed by its bytes (text in UTF-8). Anyone can recompute it from the table.
 */
public final class EventChain {

    /** The link before the first event. */
    public static final byte[] GENESIS = new byte[32];

    /** The table of links, one per stored event, written in the appending transaction. */
    public static final String TABLE = "event_chain";

    private EventChain() {
    }

    /** The link of {@code event}, given the link of the event before it. */
    public static byte[] link(byte[] previous, StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(previous);
            out.writeLong(event.globalIndex());
            out.writeLong(event.sequenceNumber());
            text(out, event.eventIdentifier());
            text(out, event.aggregateIdentifier());
            text(out, event.type());
            text(out, event.payloadType());
            text(out, event.payloadRevision());
            bytes(out, event.payload());
            bytes(out, event.metaData());
            text(out, event.timeStamp());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256().digest(bytes.toByteArray());
    }

    /** A link as lower-case hex, the form the API shows. */
    public static String hex(byte[] link) {
        return HexFormat.of().formatHex(link);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
