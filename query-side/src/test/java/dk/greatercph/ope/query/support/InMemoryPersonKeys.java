package dk.greatercph.ope.query.support;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.privacy.PersonKeys;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys for projection tests, held in memory; a destroyed key is an empty one. */
public final class InMemoryPersonKeys implements PersonKeys {

    private static final byte[] DESTROYED = new byte[0];

    private final Map<PersonId, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] keyFor(PersonId person) {
        if (isErased(person)) {
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
        return Optional.ofNullable(keys.get(person)).filter(key -> key != DESTROYED);
    }

    @Override
    public boolean isKnown(PersonId person) {
        return keys.containsKey(person);
    }

    @Override
    public boolean isErased(PersonId person) {
        return keys.get(person) == DESTROYED;
    }

    @Override
    public void destroy(PersonId person) {
        keys.put(person, DESTROYED);
    }
}
