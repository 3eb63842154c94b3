package dk.greatercph.ope.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * An {@link Instant} or {@link LocalDate} field of a stored event, read by hand when it has the layout Jackson writes
 * ({@code 2026-12-01T09:16:44.719Z}, {@code 2026-12-01}), as {@link StoredTimestamps} reads an event's own time stamp.
 * <p>
 * Jackson's deserialisers parse each value with the JDK's {@code DateTimeFormatter}: in a profile of the board's
 * replay, 8.6 % of the replay threads' samples for instants and 2 % for dates. Everything else (numbers, other layouts,
 * an impossible date, a blank, a property with its own format, millisecond truncation when switched on) goes to
 * Jackson's deserialiser, which gives the same value or the same error as before.
 */
final class StoredLayoutDeserializer<T> extends StdDeserializer<T> {

    private final ValueDeserializer<T> jacksons;
    private final Function<String, T> layout;

    private StoredLayoutDeserializer(Class<T> type, ValueDeserializer<T> jacksons, Function<String, T> layout) {
        super(type);
        this.jacksons = jacksons;
        this.layout = layout;
    }

    static StoredLayoutDeserializer<Instant> instants() {
        return new StoredLayoutDeserializer<>(Instant.class, InstantDeserializer.INSTANT, StoredTimestamps::parseLayout);
    }

    static StoredLayoutDeserializer<LocalDate> dates() {
        return new StoredLayoutDeserializer<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                StoredTimestamps::parseDateLayout);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_STRING && !ctxt.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ)) {
            T value = layout.apply(p.getString());
            if (value != null) {
                return value;
            }
        }
        return jacksons.deserialize(p, ctxt);
    }

    // what Jackson asks of a deserialiser besides reading a value: Jackson's own answers
    @Override
    public LogicalType logicalType() {
        return jacksons.logicalType();
    }

    @Override
    public Boolean supportsUpdate(DeserializationConfig config) {
        return jacksons.supportsUpdate(config);
    }

    @Override
    public boolean isCachable() {
        return jacksons.isCachable();
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
        return jacksons.getNullValue(ctxt);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
        return jacksons.getNullAccessPattern();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return jacksons.getAbsentValue(ctxt);
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
        return jacksons.getEmptyValue(ctxt);
    }

    @Override
    public AccessPattern getEmptyAccessPattern() {
        return jacksons.getEmptyAccessPattern();
    }

    /** Jackson's deserialiser for the property; read by hand first unless the property has a pattern of its own. */
    @Override
    @SuppressWarnings("unchecked")
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        ValueDeserializer<?> contextual = jacksons.createContextual(ctxt, property);
        JsonFormat.Value format = findFormatOverrides(ctxt, property, handledType());
        if (format != null && format.hasPattern()) {
            return contextual;
        }
        return contextual == jacksons ? this
                : new StoredLayoutDeserializer<>((Class<T>) handledType(), (ValueDeserializer<T>) contextual, layout);
    }
}
