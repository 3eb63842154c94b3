package dk.greatercph.ope.query.replay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection that may be replayed in parallel, outside its streaming processor ({@link ParallelReplayRun}):
 * its handlers' writes depend only on the events of their own sequence (the processor's sequencing policy: by
 * default the aggregate, here a delegation), never on the rows of another sequence, and an event whose effect its
 * tables already hold changes nothing. Then the sequences can be rebuilt side by side, each in its own order, and a
 * replay cut short by a crash is finished by the processor from the start without harm. Every handler bean of the
 * processing group must carry it, or the group is replayed by its processor; so is a group with a handler marked
 * {@code @DisallowReplay} (or {@code @AllowReplay(false)}) or one that takes a {@code ReplayStatus}, since the parallel
 * run hands the events over with their own tokens, not Axon's replay tokens.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ParallelReplay {
}
