package dk.greatercph.ope.query.schedule;

import java.util.List;

/** One page of conflicts, and the cursor of the next when more follow (null at the last). */
public record ScheduleConflictPage(List<ScheduleConflictView> conflicts, String next) {
}
