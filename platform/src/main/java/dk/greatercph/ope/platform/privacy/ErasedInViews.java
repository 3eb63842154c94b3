package dk.greatercph.ope.platform.privacy;

import java.time.Duration;

/**
 * The views that hold a person's fields opened (right of access, member lists, trips), brought up to an erasure
 * before it is answered: for 30–100 ms after an acknowledged erasure they still served the person's name, e-mail and
 * phone. Provided where the views run (the query side); a node without them (a command node in split mode) has nothing
 * to wait for.
 */
public interface ErasedInViews {

    /**
     * Waits, at most {@code max}, until every view holding opened personal fields has handled what was recorded before
     * the call; whether they have.
     */
    boolean awaitCaughtUp(Duration max);
}
