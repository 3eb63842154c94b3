package dk.greatercph.ope.platform.eventstore;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, sent with one {@code COPY … FROM STDIN}: a large append's events
 * and their links. PostgreSQL reads them without parsing a statement's text or its parameters per row; a batch of
 * multi-row inserts (the driver's rewritten batch) made it parse and plan each hundred rows' statement anew.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;
    private final short fields;

    BinaryCopy(int fields, int expectedBytes) {
        this.fields = (short) fields;
        this.bytes = new ByteArrayOutputStream(expectedBytes);
        this.out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BinaryCopy row() {
        try {
            out.writeShort(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BinaryCopy int8(long value) {
        try {
            out.writeInt(8);
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BinaryCopy text(String value) {
        return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code bytea}'s bytes, or a text's in UTF-8; {@code null} as SQL NULL. */
    BinaryCopy bytes(byte[] value) {
        try {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends the rows into {@code table}'s {@code columns} (as many as each row's fields), in one round trip. */
    void copyInto(Connection connection, String table, String columns) throws SQLException {
        try {
            out.writeShort(-1); // the trailer
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns
                    + ") FROM STDIN (FORMAT binary)", new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new SQLException("Could not send the rows to copy into " + table, e);
        }
    }
}
