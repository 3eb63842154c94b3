package dk.greatercph.ope.platform.eventstore;

import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store's serializer: Axon's Jackson 3 serializer, built as Axon's auto-configuration builds its event
 * serializer ({@code axon.serializer.events=jackson3}), except that the class of each stored type is looked up once.
 * <p>
 * Axon's asks Jackson's {@code TypeFactory.findClass}, that is {@code Class.forName}, for every event read, twice (when
 * the event is read, and when its payload is deserialised): in a profile of the board's replay, 7 % of the replay
 * threads' samples. A type no class exists for is not kept here (Axon keeps those itself).
 */
final class ClassCachingJackson3Serializer extends Jackson3Serializer {

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    private ClassCachingJackson3Serializer(Builder builder) {
        super(builder);
    }

    /** Built with what Axon's auto-configuration gives its Jackson 3 serializers. */
    static ClassCachingJackson3Serializer of(RevisionResolver revisionResolver, Jackson3SerializerCustomizer customizer,
                                             ClassLoader classLoader) {
        return new ClassCachingJackson3Serializer(Jackson3Serializer.builder().revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader)).jsonMapperBuilderCustomizer(customizer));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        if (!(type instanceof SimpleSerializedType)) {
            return super.classForType(type);
        }
        Class<?> known = classes.get(type);
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type, found);
        }
        return found;
    }
}
