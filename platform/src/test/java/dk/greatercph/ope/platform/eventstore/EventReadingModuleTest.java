package dk.greatercph.ope.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.MetaDataDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Events read with the project's module are what Jackson alone reads from them: the same values, the same errors. */
class EventReadingModuleTest {

    private final JsonMapper jacksons = JsonMapper.builder().build();
    private final JsonMapper ours = JsonMapper.builder().addModule(new EventReadingModule()).build();

    public record Item(String id, Instant starts, LocalDate day, List<String> themes, BigDecimal amount, Note note,
                       Map<String, Integer> counts) {
    }

    public record Note(String text) {
        public Note {
            if (text != null && text.isBlank()) {
                throw new IllegalArgumentException("a note is not blank");
            }
        }
    }

    /** Remembers whether Jackson's own creator call ({@code AnnotatedConstructor.call}) made it. */
    public record Traced(String value, boolean byJacksonsCall) {
        public Traced(String value) {
            this(value, StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    frame.getClassName().equals("tools.jackson.databind.introspect.AnnotatedConstructor"))));
        }

        @JsonCreator
        public static Traced of(@JsonProperty("value") String value, @JsonProperty("other") String other) {
            return new Traced(value + other);
        }
    }

    public record Counted(String value, int count) {
        public Counted(String value, int count) {
            this.value = Objects.requireNonNull(value, "value");
            this.count = count;
            Counted.byJacksonsCall = StackWalker.getInstance().walk(frames -> frames.anyMatch(frame ->
                    frame.getClassName().equals("tools.jackson.databind.introspect.AnnotatedConstructor")));
        }

        static boolean byJacksonsCall;
    }

    @Test
    void recordsReadAsJacksonReadsThem() {
        for (String json : List.of(
                "{\"id\":\"item-1\",\"starts\":\"2027-04-12T08:00:00.123456789Z\",\"day\":\"2027-04-12\","
                        + "\"themes\":[\"TOURISM\",\"Nanjing 南京\"],\"amount\":1200.50,\"note\":{\"text\":\"a \\\"b\\\"\"},"
                        + "\"counts\":{\"a\":1}}",
                "{\"id\":\"item-2\"}",
                "{\"counts\":null,\"note\":null,\"amount\":\"3\",\"starts\":1700000000,\"unknown\":1}",
                "{\"id\":\"item-3\",\"starts\":\"2027-04-12T10:00:00+02:00\"}")) {
            readsAsJacksonReads(json, Item.class);
        }
    }

    @Test
    void aCreatorsOwnRefusalIsReportedAsJacksonReportsIt() {
        for (String json : List.of("{\"id\":\"x\",\"note\":{\"text\":\" \"}}", "{\"count\":2}")) {
            Class<?> type = json.contains("note") ? Item.class : Counted.class;
            Throwable jacksonsError = catchThrowable(() -> jacksons.readValue(json, type));
            Throwable ourError = catchThrowable(() -> ours.readValue(json, type));

            assertThat(jacksonsError).as(json).isNotNull();
            assertThat(ourError).as(json).hasSameClassAs(jacksonsError).hasMessage(jacksonsError.getMessage());
            assertThat(ourError.getCause()).as(json).hasSameClassAs(jacksonsError.getCause())
                    .hasMessage(jacksonsError.getCause().getMessage());
        }
    }

    @Test
    void constructorsAndFactoriesAreCalledThroughTheHandleMadeOnce() {
        jacksons.readValue("{\"value\":\"a\",\"count\":1}", Counted.class);
        assertThat(Counted.byJacksonsCall).as("without the module").isTrue();
        assertThat(ours.readValue("{\"value\":\"a\",\"count\":1}", Counted.class))
                .isEqualTo(new Counted("a", 1));
        assertThat(Counted.byJacksonsCall).as("with the module").isFalse();

        Traced traced = ours.readValue("{\"value\":\"a\",\"other\":\"b\"}", Traced.class);
        assertThat(traced.value()).isEqualTo("ab");
        assertThat(jacksons.readValue("{\"value\":\"a\",\"other\":\"b\"}", Traced.class).value()).isEqualTo("ab");

        ValueDeserializer<Object> item = ours._deserializationContext()
                .findRootValueDeserializer(ours.constructType(Item.class));
        assertThat(((BeanDeserializerBase) item).getValueInstantiator()).isInstanceOf(SpreadCreators.Instantiator.class);
    }

    @Test
    void instantsInJacksonsLayoutReadAsJacksonReadsThem() {
        SplittableRandom random = new SplittableRandom(23);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to + 1),
                    i % 3 == 0 ? 0 : i % 3 == 1 ? random.nextInt(1_000) * 1_000_000 : random.nextInt(1_000_000_000));
            texts.add(jacksons.writeValueAsString(instant));
        }
        for (String fraction : List.of("", ".7", ".07", ".719", ".7190", ".71900", ".719001", ".7190012",
                ".71900123", ".719001234")) {
            texts.add("\"2026-12-01T09:16:44" + fraction + "Z\"");
        }
        for (String json : texts) {
            assertThat(ours.readValue(json, Instant.class)).as(json).isEqualTo(jacksons.readValue(json, Instant.class));
        }
        assertThat(ours._deserializationContext().findRootValueDeserializer(ours.constructType(Instant.class)))
                .isInstanceOf(StoredLayoutDeserializer.class);
    }

    @Test
    void datesReadAsJacksonReadsThemOrFailAsJacksonFails() {
        SplittableRandom random = new SplittableRandom(29);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add(jacksons.writeValueAsString(LocalDate.ofEpochDay(random.nextLong(
                    LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay() + 1))));
        }
        texts.addAll(List.of("\"2024-02-29\"", "\"0000-01-01\"", "\"2026-02-30\"", "\"2026-02-29\"", "\"2026-13-01\"",
                "\"2026-00-10\"", "\"2026-12-00\"", "\"2026-2-03\"", "\"2026-12-1a\"", "\"2026/12/01\"",
                "\"2026-12-01T10:00:00Z\"", "\"2026-12-01T10:00:00\"", "\" 2026-12-01\"", "\"+12026-12-01\"",
                "\"20261201\"", "\"\"", "\"  \"", "[2026,12,1]", "20000", "null", "true", "{\"a\":1}"));
        for (String json : texts) {
            readsAsJacksonReads(json, LocalDate.class);
        }
        assertThat(ours._deserializationContext().findRootValueDeserializer(ours.constructType(LocalDate.class)))
                .isInstanceOf(StoredLayoutDeserializer.class);
    }

    @Test
    void anyOtherInstantIsLeftToJacksonWithTheSameAnswerOrTheSameError() {
        for (String json : List.of("\"2026-12-01T10:16:44.719+01:00\"", "\"2026-12-01T09:16:44.719+0000\"",
                "\"2026-12-01T09:16:44.Z\"", "\"2026-12-01T09:16:44.1234567890Z\"", "\"2026-02-30T09:16:44Z\"",
                "\"2026-13-01T09:16:44Z\"", "\"2026-12-01T24:00:00Z\"", "\"2026-12-01T23:59:60Z\"",
                "\"2026-12-01 09:16:44Z\"", "\"2026-12-01T09:16:44\"", "\"+12026-12-01T09:16:44Z\"",
                "\" 2026-12-01T09:16:44Z \"", "\"\"", "\"   \"", "\"not a time\"", "\"1700000000\"",
                "\"1700000000.5\"", "1700000000", "1700000000.123456789", "-1", "null", "true", "[\"x\"]",
                "{\"a\":1}")) {
            readsAsJacksonReads(json, Instant.class);
        }
    }

    public record Formatted(@JsonFormat(pattern = "dd.MM.yyyy") LocalDate day, @JsonFormat(lenient = OptBoolean.FALSE)
                            LocalDate strict, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at) {
    }

    @Test
    void aPropertyWithAPatternOfItsOwnIsReadByJacksonAloneAndOtherFormatsStillByHand() {
        for (String json : List.of("{\"day\":\"01.12.2026\"}", "{\"day\":\"2026-12-01\"}",
                "{\"strict\":\"2026-12-01\",\"at\":\"2026-12-01T09:16:44.719Z\"}",
                "{\"strict\":\"2026-12-01T10:00:00\"}", "{\"strict\":\"2026-02-30\"}")) {
            readsAsJacksonReads(json, Formatted.class);
        }
        assertThat(ours.readValue("{\"day\":\"01.12.2026\"}", Formatted.class).day()).isEqualTo(LocalDate.of(2026, 12, 1));
        BeanDeserializerBase formatted = (BeanDeserializerBase) ours._deserializationContext()
                .findRootValueDeserializer(ours.constructType(Formatted.class));
        assertThat(formatted.findProperty(tools.jackson.databind.PropertyName.construct("day")).getValueDeserializer()).isNotInstanceOf(StoredLayoutDeserializer.class);
        assertThat(formatted.findProperty(tools.jackson.databind.PropertyName.construct("strict")).getValueDeserializer()).isInstanceOf(StoredLayoutDeserializer.class);
        assertThat(formatted.findProperty(tools.jackson.databind.PropertyName.construct("at")).getValueDeserializer()).isInstanceOf(StoredLayoutDeserializer.class);
    }

    public static class Merged {
        @JsonMerge
        public Optional<Instant> at = Optional.of(Instant.EPOCH);
        @JsonMerge
        public Optional<LocalDate> day = Optional.of(LocalDate.EPOCH);
    }

    @Test
    void valuesReadIntoAnExistingOneAreReadAsJacksonReadsThem() {
        String json = "{\"at\":\"2026-12-01T09:16:44Z\",\"day\":\"2026-12-01\"}";
        Merged jacksonsMerged = jacksons.readValue(json, Merged.class);
        Merged ourMerged = ours.readValue(json, Merged.class);
        assertThat(ourMerged.at).isEqualTo(jacksonsMerged.at).contains(Instant.parse("2026-12-01T09:16:44Z"));
        assertThat(ourMerged.day).isEqualTo(jacksonsMerged.day).contains(LocalDate.of(2026, 12, 1));

        TypeReference<Optional<Instant>> optionalInstant = new TypeReference<>() {
        };
        Optional<Instant> jacksonsUpdated = jacksons.readerForUpdating(Optional.of(Instant.EPOCH))
                .forType(optionalInstant).readValue("\"2026-12-01T09:16:44Z\"");
        Optional<Instant> ourUpdated = ours.readerForUpdating(Optional.of(Instant.EPOCH))
                .forType(optionalInstant).readValue("\"2026-12-01T09:16:44Z\"");
        assertThat(ourUpdated).isEqualTo(jacksonsUpdated);
    }

    /** A throwable that is neither an exception nor an error, thrown from a constructor without declaring it. */
    static final class Odd extends Throwable {
        Odd() {
            super("odd");
        }
    }

    public record ThrowsOdd(String value, String other) {
        public ThrowsOdd {
            throwUnchecked(new Odd());
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void throwUnchecked(Throwable throwable) throws T {
            throw (T) throwable;
        }
    }

    record Hidden(String value, String other) {
    }

    @Test
    void whatJacksonWouldNotWrapOrNotOpenIsNeitherWrappedNorOpenedHere() {
        assertThat(catchThrowable(() -> ours.readValue("{\"value\":\"a\"}", ThrowsOdd.class)))
                .isInstanceOf(Odd.class)
                .hasSameClassAs(catchThrowable(() -> jacksons.readValue("{\"value\":\"a\"}", ThrowsOdd.class)));

        JsonMapper jacksonsClosed = JsonMapper.builder().disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS).build();
        JsonMapper oursClosed = JsonMapper.builder().disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
                .addModule(new EventReadingModule()).build();
        Throwable jacksonsError = catchThrowable(() -> jacksonsClosed.readValue("{\"value\":\"a\"}", Hidden.class));
        Throwable ourError = catchThrowable(() -> oursClosed.readValue("{\"value\":\"a\"}", Hidden.class));
        assertThat(ourError).isNotNull().hasSameClassAs(jacksonsError);
        // Jackson's message names an argument array by its identity hash, different at each call
        assertThat(ourError.getMessage().replaceAll("@\\p{XDigit}+", "@"))
                .isEqualTo(jacksonsError.getMessage().replaceAll("@\\p{XDigit}+", "@"));
        assertThat(ours.readValue("{\"value\":\"a\"}", Hidden.class)).isEqualTo(new Hidden("a", null));
    }

    @Test
    void millisecondTruncationWhenSwitchedOnIsJacksons() {
        String json = "\"2026-12-01T09:16:44.719001234Z\"";
        Instant truncated = ours.readerFor(Instant.class).with(DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ).readValue(json);

        assertThat(truncated).isEqualTo(Instant.parse("2026-12-01T09:16:44.719Z"));
    }

    /** {@code json} read with the module is what Jackson alone reads from it: the same value, or the same error. */
    /**
     * Metadata reads as Axon's own deserializer reads it, in a mapper that has Axon's module first as Axon's
     * serializers have, and the map's deserializer is found when the metadata's is, not at every read.
     */
    @Test
    void metadataReadsAsAxonsDeserializerReadsItWithItsMapFoundOnce() {
        JsonMapper axons = JsonMapper.builder().addModule(axonsModule()).build();
        JsonMapper axonsThenOurs = JsonMapper.builder().addModule(axonsModule()).addModule(new EventReadingModule())
                .build();
        for (String json : List.of("{}", "{\"actor\":\"desk\",\"role\":\"DESK\",\"correlationId\":\"c-1\"}",
                "{\"n\":1,\"big\":12345678901234567890,\"d\":1.5,\"t\":true,\"nothing\":null}",
                "{\"nested\":{\"a\":[1,\"two\",{\"three\":3}]},\"list\":[],\"text\":\"南京 \\\"q\\\"\"}",
                "{\"same\":1,\"same\":2}", "[]", "\"text\"", "{\"unclosed\":", "null")) {
            Throwable axonsError = catchThrowable(() -> axons.readValue(json, MetaData.class));
            if (axonsError == null) {
                assertThat(axonsThenOurs.readValue(json, MetaData.class)).as(json)
                        .isEqualTo(axons.readValue(json, MetaData.class));
            } else {
                assertThat(catchThrowable(() -> axonsThenOurs.readValue(json, MetaData.class))).as(json)
                        .hasSameClassAs(axonsError).hasMessage(axonsError.getMessage());
            }
        }
        Object metadatas = axonsThenOurs._deserializationContext()
                .findRootValueDeserializer(axonsThenOurs.constructType(MetaData.class));
        assertThat(metadatas).isInstanceOf(MetaDataReader.class);
        assertThat(((MetaDataReader) metadatas).resolved()).isTrue();
    }

    private static SimpleModule axonsModule() {
        return new SimpleModule("Axon-Jackson3 Module").addDeserializer(MetaData.class, new MetaDataDeserializer());
    }

    private void readsAsJacksonReads(String json, Class<?> type) {
        Throwable jacksonsError = catchThrowable(() -> jacksons.readValue(json, type));
        if (jacksonsError == null) {
            assertThat(ours.readValue(json, type)).as(json).isEqualTo(jacksons.readValue(json, type));
        } else {
            assertThat(catchThrowable(() -> ours.readValue(json, type))).as(json)
                    .hasSameClassAs(jacksonsError).hasMessage(jacksonsError.getMessage());
        }
    }
}
