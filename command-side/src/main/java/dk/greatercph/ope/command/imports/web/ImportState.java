package dk.greatercph.ope.command.imports.web;

/** Where an import run stands. */
enum ImportState {
    /** Reading lines now. */
    RUNNING,
    /** Every line judged. */
    DONE,
    /** Stopped by a failure that is no line's fault (the database went away); a new run of the file resumes it. */
    FAILED,
    /** Its process ended before it was done; a new run of the file resumes it. */
    INTERRUPTED
}
