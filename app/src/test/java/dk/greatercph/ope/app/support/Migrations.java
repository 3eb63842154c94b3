package dk.greatercph.ope.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A migration's text, for tests that run one of its statements again on rows an earlier version wrote. */
public final class Migrations {

    private Migrations() {
    }

    /** The migration's text from {@code from} on (its statements from there to the end). */
    public static String statement(String migration, String from) {
        try (InputStream in = Migrations.class.getResourceAsStream(migration)) {
            if (in == null) {
                throw new IllegalArgumentException("No migration " + migration);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf(from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
