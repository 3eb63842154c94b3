package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;

import java.util.Optional;

/** Where the data keys live. Production would hold them in a key management service (see the README). */
public interface PersonKeys {

    /** The person's key, created on first use; refused once the person was erased. */
    byte[] keyFor(PersonId person);

    /** The person's key if it exists and was not destroyed. */
    Optional<byte[]> existingKey(PersonId person);

    /** Whether the person ever had a key (and so personal data here). */
    boolean isKnown(PersonId person);

    /** Whether the person's key was destroyed. */
    boolean isErased(PersonId person);

    /** Destroys the key; every value sealed with it is unreadable from now on. */
    void destroy(PersonId person);
}
