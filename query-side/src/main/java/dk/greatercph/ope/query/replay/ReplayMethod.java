package dk.greatercph.ope.query.replay;

/** How a replay runs. */
public enum ReplayMethod {
    /** By the projection's streaming processor, one batch after another. */
    PROCESSOR,
    /** Outside the processor, by several workers, each for its share of the sequences ({@link ParallelReplay}). */
    PARALLEL
}
