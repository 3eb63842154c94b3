package dk.greatercph.ope.command.imports.web;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text of an import file, refusing a line (a record: line breaks inside a quoted cell belong to it) longer than
 * {@link #MAX_CHARACTERS}. The CSV parser builds each record in memory, so one quoted cell of 63 MB, within the
 * upload's 64 MB limit, ran the 256 MB heap out (500, and any other thread could fail meanwhile). A record of the
 * documented columns at their longest is about 40,000 characters.
 * <p>
 * It follows the quoting as RFC 4180 writes it: a double quote opens or closes a quoted cell, and a doubled one
 * inside it closes and opens again, so line breaks in a quoted cell are counted as part of the record.
 */
final class BoundedLines extends FilterReader {

    static final int MAX_CHARACTERS = 65_536;

    private boolean quoted;
    private int length;
    private long line = 1;

    BoundedLines(Reader text) {
        super(text);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            count(buffer[offset + i]);
        }
        return read;
    }

    private void count(char c) throws LineTooLong {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\n') {
            if (!quoted) {
                length = 0;
            }
            line++;
            return;
        }
        if (++length > MAX_CHARACTERS) {
            throw new LineTooLong(line);
        }
    }

    /** A line longer than the limit, ending near {@link #line()}. */
    static final class LineTooLong extends IOException {

        private final long line;

        LineTooLong(long line) {
            super("a line of more than " + MAX_CHARACTERS + " characters near line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
