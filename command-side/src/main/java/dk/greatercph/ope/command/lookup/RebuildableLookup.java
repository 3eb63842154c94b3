package dk.greatercph.ope.command.lookup;

import java.time.Instant;
import java.util.List;

/**
 * A command-side lookup table that is derived from events and can be derived again from the whole history.
 * Its owner knows which events write it and how, so the rows a rebuild writes are the rows the command
 * handlers wrote.
 */
public interface RebuildableLookup {

    /** The tables this lookup owns. */
    List<String> tables();

    /** Empties the tables and answers what takes the history, event by event in the order of the store. */
    Replay replay();

    /** One rebuild in progress. */
    interface Replay {

        /** One event of the history: its payload and the time it was recorded. */
        void on(Object payload, Instant recordedAt);
    }
}
