package dk.greatercph.ope.platform.eventstore;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's writes that need no answer (a lookup table's row), sent to PostgreSQL in the same round trip as the
 * command's events instead of one of their own.
 * <p>
 * A round trip costs about a tenth of a registration's CPU on two cores (docs/performance.md, "What one round trip
 * fewer would give"), and a registration's request history was the only statement besides its event and the commit.
 * A write given here inside a unit of work waits in its root unit of work; the event store's append of up to
 * {@link CommitOrderedJdbcEventStorageEngine#DRAWN_AT_COMMIT} events sends it in front of the events' insert, in one
 * text of two statements. A larger append, or a unit of work that appends no event, sends it on its own, before the
 * events or as the unit of work prepares to commit. Either way it is written in the command's transaction, before
 * its events, and rolls back with it; a nested unit of work that rolls back drops its own writes, though its root
 * may still commit.
 * <p>
 * So the unit of work does not read its own write before it commits: a reader in the same command would not see it.
 * A failed write fails the append; a unique violation there is reported as a conflict, as the events' own would be.
 * Outside a unit of work (a rebuild) the write is sent at once.
 */
public final class WritesWithTheEvents {

    private static final String RESOURCE = WritesWithTheEvents.class.getName();

    /** One write: its SQL, with positional parameters, and their values. */
    record Write(String sql, Object[] parameters) {
    }

    private WritesWithTheEvents() {
    }

    /**
     * Writes {@code sql} with {@code parameters} (positional, {@code ?}) in the current command's transaction, with
     * its events; at once through {@code jdbc} when no unit of work is running.
     */
    public static void write(JdbcClient jdbc, String sql, Object... parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.sql(sql).params(parameters).update();
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> root = current.root();
        List<Write> pending = root.getOrComputeResource(RESOURCE, key -> {
            // Whatever no append took by then: a unit of work without events, or writes given after the append.
            root.onPrepareCommit(unitOfWork -> {
                for (Write write : take()) {
                    jdbc.sql(write.sql()).params(write.parameters()).update();
                }
            });
            return new ArrayList<>();
        });
        Write write = new Write(sql, parameters.clone());
        pending.add(write);
        if (current != root) {
            // A nested unit of work that rolls back takes its writes with it, while the root may still commit.
            current.onRollback(unitOfWork -> pending.remove(write));
        }
    }

    /** The writes waiting in the current unit of work, handed over: whoever takes them sends them. */
    static List<Write> take() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        List<Write> pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (pending == null || pending.isEmpty()) {
            return List.of();
        }
        List<Write> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
