package dk.greatercph.ope.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * Renders one entry of a list or feed on its own: an entry whose stored values cannot be turned into a view is left
 * out with a warning naming it, so that one poison value never takes a shared view down for everybody.
 */
public final class LeftOut {

    private static final Logger log = LoggerFactory.getLogger(LeftOut.class);

    private LeftOut() {
    }

    /** The rendered entry, or {@code null} (after a warning) when it cannot be rendered. */
    public static <T> T orNull(String what, Object id, Rendering<T> rendering) throws SQLException {
        try {
            return rendering.render();
        } catch (RuntimeException e) {
            log.warn("Left {} {} out of the answer: it cannot be rendered ({})", what, id, e.toString());
            return null;
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
                throw e;
            }
            log.warn("Left {} {} out of the answer: its stored values cannot be read ({})", what, id, e.toString());
            return null;
        }
    }

    /** Builds one entry from the current row. */
    @FunctionalInterface
    public interface Rendering<T> {
        T render() throws SQLException;
    }
}
