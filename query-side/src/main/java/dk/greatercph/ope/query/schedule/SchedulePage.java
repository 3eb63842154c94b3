package dk.greatercph.ope.query.schedule;

import java.util.List;

/**
 * Entries of the schedule in the timeline's order, and the cursor of the next page (null on the last); for a query
 * of the whole period or nothing that did not fit one answer, {@link #TOO_MANY}.
 */
public record SchedulePage(List<ScheduleEntryView> items, String next) {

    /** No entries, and an empty cursor: the whole period asked for holds more entries than one answer. */
    public static final SchedulePage TOO_MANY = new SchedulePage(List.of(), "");
}
