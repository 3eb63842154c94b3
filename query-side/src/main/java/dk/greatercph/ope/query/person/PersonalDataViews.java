package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.privacy.ErasedInViews;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/** The projections that keep opened personal fields and handle an erasure: the persons' view and the trips'. */
@Component
class PersonalDataViews implements ErasedInViews {

    /** The persons' view, and the trips' ({@code TripProjection}, whose leaders and participants are opened). */
    private static final List<String> HOLDING_OPENED_FIELDS = List.of(PersonalDataProjection.NAME, "trip-board");

    private final ProjectionProgress progress;

    PersonalDataViews(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public boolean awaitCaughtUp(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        boolean all = true;
        for (String projection : HOLDING_OPENED_FIELDS) {
            all &= progress.awaitCaughtUp(projection, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }
}
