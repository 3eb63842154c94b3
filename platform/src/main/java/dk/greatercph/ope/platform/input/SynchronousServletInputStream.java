package dk.greatercph.ope.platform.input;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body that is always ready and read synchronously: one held in memory, or read from a file. */
public abstract class SynchronousServletInputStream extends ServletInputStream {

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
    }
}
