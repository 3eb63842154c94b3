package dk.greatercph.ope.platform.input;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * A JSON body read as well-formed UTF-8 only (RFC 3629): Jackson's parser decodes an overlong form without a word
 * ({@code C0 AF} became {@code /}, {@code C0 80} a NUL), so bytes a filter in front had let through as harmless
 * were stored as other characters. The body's bytes are checked as they are read; the first that is not UTF-8 ends
 * the read with {@link NotUtf8Exception}, which is answered 400 {@code MALFORMED_JSON} naming its offset.
 */
public final class Utf8Body extends HttpServletRequestWrapper {

    private ServletInputStream checked;

    Utf8Body(HttpServletRequest request) {
        super(request);
    }

    /** The same checked stream for every caller, so that a character split between two readers is read whole. */
    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (checked == null) {
            checked = checking(super.getInputStream());
        }
        return checked;
    }

    private static ServletInputStream checking(ServletInputStream body) {
        return new ServletInputStream() {
            private final Utf8Check check = new Utf8Check();

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b < 0) {
                    check.end();
                } else {
                    check.next(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = body.read(buffer, offset, length);
                if (read < 0) {
                    check.end();
                }
                for (int i = 0; i < read; i++) {
                    check.next(buffer[offset + i] & 0xff);
                }
                return read;
            }

            @Override
            public boolean isFinished() {
                boolean finished = body.isFinished();
                if (finished) {
                    try {
                        check.end(); // a reader that stops here never reads -1
                    } catch (NotUtf8Exception truncated) {
                        throw new IllegalStateException(truncated);
                    }
                }
                return finished;
            }

            @Override
            public void close() throws IOException {
                body.close();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }
        };
    }

    /** The body is not well-formed UTF-8 at {@link #offset()}. */
    public static final class NotUtf8Exception extends IOException {

        private final long offset;

        NotUtf8Exception(long offset) {
            super("The request body is not well-formed UTF-8 at byte " + offset
                    + " (an overlong form, a surrogate, a stray or missing continuation byte).");
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    /** RFC 3629's table of well-formed byte sequences, one byte at a time. */
    static final class Utf8Check {

        private long offset = -1;
        private int needed;
        private int lower = 0x80;
        private int upper = 0xBF;

        void next(int b) throws NotUtf8Exception {
            offset++;
            if (needed == 0) {
                if (b < 0x80) {
                    return;
                }
                lower = 0x80;
                upper = 0xBF;
                if (b >= 0xC2 && b <= 0xDF) {
                    needed = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    needed = 2;
                    lower = b == 0xE0 ? 0xA0 : 0x80;   // no overlong form
                    upper = b == 0xED ? 0x9F : 0xBF;   // no surrogate
                } else if (b >= 0xF0 && b <= 0xF4) {
                    needed = 3;
                    lower = b == 0xF0 ? 0x90 : 0x80;   // no overlong form
                    upper = b == 0xF4 ? 0x8F : 0xBF;   // nothing past U+10FFFF
                } else {
                    throw new NotUtf8Exception(offset);
                }
                return;
            }
            if (b < lower || b > upper) {
                throw new NotUtf8Exception(offset);
            }
            lower = 0x80;
            upper = 0xBF;
            needed--;
        }

        void end() throws NotUtf8Exception {
            if (needed != 0) {
                throw new NotUtf8Exception(offset + 1);
            }
        }
    }
}
