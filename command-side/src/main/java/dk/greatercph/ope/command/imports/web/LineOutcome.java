package dk.greatercph.ope.command.imports.web;

/** What became of one line of an imported file. */
enum LineOutcome {
    /** A dry run found nothing wrong: a real run records it. */
    WOULD_RECORD,
    /** Recorded as a new delegation by this run. */
    RECORDED,
    /** An earlier run of the same file recorded it; not recorded again. */
    ALREADY_RECORDED,
    /** Refused, with the code and fields the API gives for the same value; nothing recorded. */
    REFUSED
}
