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
 * It follows the quoting as the parser (RFC 4180) reads it: a double quote opens a quoted cell only where a cell
 * begins (at a line's start or after a delimiter); inside one, a doubled quote is a quote and a single one closes
 * it; a quote elsewhere is an ordinary character. Line breaks inside a quoted cell count as part of the record; a
 * line break (LF, CR or both) outside one ends it. Before, every quote flipped the state, so a stray quote in an
 * unquoted cell (Hotel 5" Ltd) let a later 63 MB cell through in lines of 60,000, and refused a valid file whose
 * stray quote was followed by more than the limit.
 */
final class BoundedLines extends FilterReader {

    static final int MAX_CHARACTERS = 65_536;

    private final String delimiters;
    private boolean quoted;
    private boolean closedQuote;
    private boolean cellStart = true;
    private int length;
    private long line = 1;
    private long recordStart = 1;

    /** {@code delimiters}: the file's delimiter, or both candidates while its header has not yet decided. */
    BoundedLines(Reader text, String delimiters) {
        super(text);
        this.delimiters = delimiters;
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
        if (c == '\n') {
            line++;
        }
        if (quoted) {
            if (c == '"') {
                quoted = false;
                closedQuote = true; // unless the next is a quote too: then it was an escaped one
            }
        } else if (closedQuote && c == '"') {
            quoted = true;
            closedQuote = false;
        } else {
            closedQuote = false;
            if (c == '\n' || c == '\r') {
                length = 0;
                cellStart = true;
                recordStart = line;
                return;
            }
            if (c == '"' && cellStart) {
                quoted = true;
            }
            cellStart = delimiters.indexOf(c) >= 0;
        }
        if (++length > MAX_CHARACTERS) {
            throw new LineTooLong(recordStart);
        }
    }

    /** A line (record) longer than the limit, starting on {@link #line()}. */
    static final class LineTooLong extends IOException {

        private final long line;

        LineTooLong(long line) {
            super("a line of more than " + MAX_CHARACTERS + " characters starting on line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }
}
