package dk.greatercph.ope.command;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * The version of the aggregate whose command is being handled, after the events applied so far: a command
 * handler returns it so that the REST layer can answer with the new ETag.
 */
public abstract class AggregateVersion extends AggregateLifecycle {

    private AggregateVersion() {
    }

    public static long current() {
        Long version = ((Aggregate<?>) getInstance()).version();
        return version == null ? 0 : version;
    }
}
