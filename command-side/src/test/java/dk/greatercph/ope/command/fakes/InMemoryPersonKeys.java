package dk.greatercph.ope.command.fakes;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.privacy.PersonKeys;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Data keys for fixture tests, held in memory; a destroyed key maps to null. */
public class InMemoryPersonKeys implements PersonKeys {

    private final Map<PersonId, byte[]> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] keyFor(PersonId person) {
        if (keys.containsKey(person) && keys.get(person) == null) {
            throw new IllegalStateException("erased");
        }
        return keys.computeIfAbsent(person, p -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return key;
        });
    }

    @Override
    public Optional<byte[]> committedKeyFor(PersonId person) {
        return isErased(person) ? Optional.empty() : Optional.of(keyFor(person));
    }

    @Override
    public Optional<byte[]> existingKey(PersonId person) {
        return Optional.ofNullable(keys.get(person));
    }

    @Override
    public boolean isKnown(PersonId person) {
        return keys.containsKey(person);
    }

    @Override
    public boolean isErased(PersonId person) {
        return keys.containsKey(person) && keys.get(person) == null;
    }

    @Override
    public void destroy(PersonId person) {
        keys.put(person, null);
    }
}
