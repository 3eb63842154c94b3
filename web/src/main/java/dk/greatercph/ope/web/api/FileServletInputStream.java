package dk.greatercph.ope.web.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request body read from a file as the servlet API reads a body (synchronously), a buffer at a time. */
final class FileServletInputStream extends ServletInputStream {

    private final InputStream in;
    private boolean finished;

    private FileServletInputStream(InputStream in) {
        this.in = in;
    }

    static FileServletInputStream open(Path file) {
        try {
            return new FileServletInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the body's file cannot be read: " + file, e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        finished = b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        finished = read < 0;
        return read;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // a file only read: nothing was lost
        }
    }
}
