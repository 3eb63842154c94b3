package dk.greatercph.ope.platform.database;

import java.time.Duration;

/**
 * Published (as an application event, on the availability probe's thread) when the database answers again after the
 * probe found it away: what waited on it with a back-off of its own may try again now.
 */
public record DatabaseAnswersAgain(Duration away) {
}
