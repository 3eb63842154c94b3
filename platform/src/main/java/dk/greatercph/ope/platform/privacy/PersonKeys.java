package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;

import java.util.Optional;

/** Where the data keys live. Production would hold them in a key management service (see the README). */
public interface PersonKeys {

    /** The person's key, created on first use; refused once the person was erased. */
    byte[] keyFor(PersonId person);

    /**
     * The person's key, created on first use in a transaction of its own that commits before this returns, so that
     * every connection can use it whatever becomes of the caller's transaction; empty once the person was erased.
     * For values that outlive the caller's transaction, such as an event upcast while being read, which Axon hands
     * to every event processor and which may be parked as a dead letter.
     */
    Optional<byte[]> committedKeyFor(PersonId person);

    /** The person's key if it exists and was not destroyed. */
    Optional<byte[]> existingKey(PersonId person);

    /** Whether the person ever had a key (and so personal data here). */
    boolean isKnown(PersonId person);

    /** Whether the person's key was destroyed. */
    boolean isErased(PersonId person);

    /** Destroys the key; every value sealed with it is unreadable from now on. */
    void destroy(PersonId person);
}
