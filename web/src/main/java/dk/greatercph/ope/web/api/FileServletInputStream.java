package dk.greatercph.ope.web.api;

import dk.greatercph.ope.platform.input.SynchronousServletInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A request body read from a file as the servlet API reads a body (synchronously), a buffer at a time. */
final class FileServletInputStream extends SynchronousServletInputStream {

    private final InputStream in;
    private boolean finished;

    private FileServletInputStream(InputStream in) {
        this.in = in;
    }

    static FileServletInputStream open(Path file) {
        try {
            return new FileServletInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    static UncheckedIOException unreadable(Path file, IOException cause) {
        return new UncheckedIOException("the body's file cannot be read: " + file, cause);
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
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // a file only read: nothing was lost
        }
    }
}
