package dk.greatercph.ope.platform.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.ext.javatime.ser.OffsetDateTimeSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The JSON reader for request bodies: every value must have exactly its declared JSON type (no string to
 * number or boolean, no number to text or enum, no fraction to integer), a key may appear once, text is
 * {@link CanonicalText canonical} and dates lie in the {@link DateRange}. The application's other JSON (stored
 * events, views) is read by the ordinary mapper, so nothing already recorded becomes unreadable. The same mapper
 * writes the answers, its time stamps by {@link IsoDateTimes} (the same text as Jackson's, cheaper).
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** A strict copy of {@code base} for reading what clients send. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule module = new SimpleModule("canonical-input");
        module.addDeserializer(String.class, new TextDeserializer(false));
        module.addDeserializer(BigDecimal.class, new DecimalDeserializer());
        module.addDeserializer(LocalDate.class, new DateDeserializer<>(LocalDate.class,
                text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE), DateRange::contains));
        module.addDeserializer(LocalDateTime.class, new DateDeserializer<>(LocalDateTime.class,
                text -> LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME), DateRange::contains));
        module.addDeserializer(OffsetDateTime.class, new DateDeserializer<>(OffsetDateTime.class,
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME), DateRange::contains));
        module.addDeserializer(Instant.class, new DateDeserializer<>(Instant.class,
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                DateRange::contains));
        module.addSerializer(OffsetDateTime.class,
                IsoDateTimes.serializer(OffsetDateTime.class, IsoDateTimes::format, OffsetDateTimeSerializer.INSTANCE));
        module.addSerializer(Instant.class,
                IsoDateTimes.serializer(Instant.class, IsoDateTimes::format, InstantSerializer.INSTANCE));
        module.setDeserializerModifier(new SetsWithoutRepeats());
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a blank string (" ", a tab, U+0000) was read as no value, so "hospital":" " registered a partner
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false))
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(module)
                .build();
    }

    /** Text that is not canonical; the problem names the field. */
    public static final class InvalidTextException extends MismatchedInputException {
        InvalidTextException(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /** A date outside the {@link DateRange}; the problem names the field. */
    public static final class DateOutOfRangeException extends MismatchedInputException {
        DateOutOfRangeException(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }
    }

    /** A decimal number with more digits before or after its point than any value here can have. */
    public static final class NumberOutOfRangeException extends MismatchedInputException {
        NumberOutOfRangeException(JsonParser parser, String message) {
            super(parser, message, BigDecimal.class);
        }
    }

    /** An item a set lists twice (e.g. a theme); the problem names the field. */
    public static final class RepeatedItemException extends MismatchedInputException {
        RepeatedItemException(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }
    }

    /**
     * A set (its schema says {@code uniqueItems}) whose array lists an item twice is refused: read into the set, the
     * second would vanish without a word, and a client that sent it meant something else.
     */
    private static final class SetsWithoutRepeats extends ValueDeserializerModifier {
        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                 BeanDescription.Supplier description,
                                                                 ValueDeserializer<?> deserializer) {
            return Set.class.isAssignableFrom(type.getRawClass()) ? new WithoutRepeats(deserializer) : deserializer;
        }
    }

    private static final class WithoutRepeats extends DelegatingDeserializer {

        WithoutRepeats(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new WithoutRepeats(delegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.START_ARRAY)) {
                return super.deserialize(parser, context);
            }
            JsonNode items = context.readTree(parser);
            Object read;
            try (JsonParser again = items.traverse(context)) {
                again.nextToken();
                read = _delegatee.deserialize(again, context);
            }
            if (read instanceof Collection<?> set && set.size() < items.size()) {
                Set<JsonNode> seen = new HashSet<>();
                for (JsonNode item : items) {
                    if (!seen.add(item)) {
                        throw new RepeatedItemException(parser, "lists " + item + " more than once",
                                handledType());
                    }
                }
                throw new RepeatedItemException(parser, "lists an item more than once", handledType());
            }
            return read;
        }
    }

    /**
     * Decimal numbers as written, but none with more than {@link #MAX_DIGITS} digits before or after the point: an
     * exponent such as {@code 1E+2147483647} is short to send, but its digits overflow the integer arithmetic of
     * bean validation's {@code @Digits} (which then let it pass) and of whatever writes the number out in full.
     */
    private static final class DecimalDeserializer extends ValueDeserializer<BigDecimal> {

        static final int MAX_DIGITS = 400;

        @Override
        public Class<?> handledType() {
            return BigDecimal.class;
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            BigDecimal value = parser.getDecimalValue();
            long integerDigits = (long) value.precision() - value.scale();
            if (integerDigits > MAX_DIGITS || value.scale() > MAX_DIGITS) {
                throw new NumberOutOfRangeException(parser,
                        "has more than " + MAX_DIGITS + " digits before or after its decimal point");
            }
            return value;
        }
    }

    private static final class TextDeserializer extends ValueDeserializer<String> {

        private final boolean multiLine;

        TextDeserializer(boolean multiLine) {
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultilineText.class) != null;
            return multi == multiLine ? this : new TextDeserializer(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getString();
            String violation = CanonicalText.violation(value, multiLine);
            if (violation != null) {
                throw new InvalidTextException(parser, "The text " + violation + ".");
            }
            return value;
        }
    }

    private static final class DateDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final Function<String, T> parse;
        private final Predicate<T> inRange;

        DateDeserializer(Class<T> type, Function<String, T> parse, Predicate<T> inRange) {
            this.type = type;
            this.parse = parse;
            this.inRange = inRange;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T refused = (T) context.handleUnexpectedToken(type, parser);
                return refused;
            }
            T value;
            try {
                value = parse.apply(parser.getString());
            } catch (DateTimeParseException e) {
                throw MismatchedInputException.from(parser, type, "Not an ISO-8601 " + type.getSimpleName() + ".");
            }
            if (!inRange.test(value)) {
                throw new DateOutOfRangeException(parser,
                        "Outside " + DateRange.EARLIEST + " … " + DateRange.LATEST + ".", type);
            }
            return value;
        }
    }
}
