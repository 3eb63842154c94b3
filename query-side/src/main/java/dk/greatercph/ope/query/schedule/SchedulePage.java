package dk.greatercph.ope.query.schedule;

import java.util.List;

/** Entries of the schedule in the timeline's order, and the cursor of the next page (null on the last). */
public record SchedulePage(List<ScheduleEntryView> items, String next) {
}
