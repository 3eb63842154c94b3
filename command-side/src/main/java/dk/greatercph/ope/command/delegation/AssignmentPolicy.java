package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.platform.time.DaysOff;
import dk.greatercph.ope.platform.time.OpeTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Rule R5: an operator answers an assignment within a number of working days (default 3), counted in
 * Copenhagen, with weekends, Danish public holidays and the public sector's days off skipped ({@link DaysOff}). {@code ope.assignment.fixed-deadline} replaces the working
 * days with a plain duration, for demonstrations and tests of deadlines across restarts.
 */
@Component
public class AssignmentPolicy {

    private final int workingDays;
    private final Duration fixedDeadline;

    public AssignmentPolicy(@Value("${ope.assignment.working-days:3}") int workingDays,
                            @Value("${ope.assignment.fixed-deadline:#{null}}") Duration fixedDeadline) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("ope.assignment.working-days is at least 1");
        }
        this.workingDays = workingDays;
        this.fixedDeadline = fixedDeadline;
    }

    /** When an assignment offered at {@code offeredAt} must be answered. */
    public Instant dueAt(Instant offeredAt) {
        if (fixedDeadline != null) {
            return offeredAt.plus(fixedDeadline);
        }
        ZonedDateTime due = offeredAt.atZone(OpeTime.COPENHAGEN);
        int counted = 0;
        while (counted < workingDays) {
            due = due.plusDays(1);
            if (!DaysOff.isDayOff(due.toLocalDate())) {
                counted++;
            }
        }
        return due.toInstant();
    }
}
