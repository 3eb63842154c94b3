package dk.greatercph.ope.platform.eventstore;

import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a message's metadata as Axon's {@code MetaDataDeserializer} does (a map of names to JSON values, then
 * {@link MetaData#from}), with the map's deserializer found once, when Jackson contextualises this one for a mapper,
 * instead of at every message. Axon's looks it up at every call, with its key and value deserializers and its type's
 * annotations: about half of reading an event's metadata, which every processor does for every event it reads (the
 * correlation id in the logs, Axon's correlation data).
 */
final class MetaDataReader extends ValueDeserializer<MetaData> {

    private final ValueDeserializer<Object> map;

    MetaDataReader() {
        this(null);
    }

    private MetaDataReader(ValueDeserializer<Object> map) {
        this.map = map;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return new MetaDataReader(mapDeserializer(ctxt));
    }

    @Override
    public MetaData deserialize(JsonParser p, DeserializationContext ctxt) {
        ValueDeserializer<Object> values = map != null ? map : mapDeserializer(ctxt);
        @SuppressWarnings("unchecked")
        Map<String, ?> read = (Map<String, ?>) values.deserialize(p, ctxt, new HashMap<>());
        return MetaData.from(read);
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) {
        return typeDeserializer.deserializeTypedFromObject(p, ctxt);
    }

    /** Whether the map's deserializer was found when this one was contextualised. */
    boolean resolved() {
        return map != null;
    }

    private static ValueDeserializer<Object> mapDeserializer(DeserializationContext ctxt) {
        return ctxt.findRootValueDeserializer(ctxt.getTypeFactory().constructMapType(Map.class, String.class,
                Object.class));
    }
}
