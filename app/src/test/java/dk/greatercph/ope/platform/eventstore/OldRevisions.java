package dk.greatercph.ope.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.util.List;
import java.util.Map;

/**
 * Appends an event exactly as an earlier revision of the application stored it — its payload type, revision and
 * JSON — through the real storage engine, so that it is locked, stored and chained like any other event.
 */
public final class OldRevisions {

    private OldRevisions() {
    }

    public static void append(EventStorageEngine engine, Serializer serializer, String aggregateType,
                              String aggregateId, long sequence, String payloadType, String revision, byte[] json,
                              Map<String, ?> metaData) {
        GenericDomainEventMessage<Stored> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence,
                new Stored(json), metaData);
        ((CommitOrderedJdbcEventStorageEngine) engine).appendEvents(List.of(event),
                new AsStored(serializer, payloadType, revision));
    }

    /** A payload that is already its stored JSON. */
    record Stored(byte[] json) {
    }

    /** The application's serializer, except that a {@link Stored} payload is written as given. */
    private record AsStored(Serializer delegate, String payloadType, String revision) implements Serializer {

        @Override
        @SuppressWarnings("unchecked")
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            if (object instanceof Stored stored) {
                T data = getConverter().convert(stored.json(), byte[].class, expectedRepresentation);
                return new SimpleSerializedObject<>(data, expectedRepresentation, payloadType, revision);
            }
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return delegate.deserialize(serializedObject);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
