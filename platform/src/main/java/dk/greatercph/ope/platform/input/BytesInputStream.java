package dk.greatercph.ope.platform.input;

import java.io.ByteArrayInputStream;

/** A request body already held in memory, read again as the servlet API reads a body (synchronously). */
public final class BytesInputStream extends SynchronousServletInputStream {

    private final ByteArrayInputStream in;

    public BytesInputStream(byte[] body) {
        this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
        return in.available() == 0;
    }
}
