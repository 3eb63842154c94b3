package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.platform.eventstore.StoredEvent;
import dk.greatercph.ope.platform.privacy.PersonKeys;
import dk.greatercph.ope.platform.privacy.PersonalData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one stored event reads in the audit log: a payload with nothing to open exactly as stored, a sealed field
 * opened however its name is spelt, and a document that is not one JSON object, or not on one line, never breaks the
 * answer (or the export's line) around it.
 */
class AuditEventViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STAMP = "2026-12-01T09:16:44.719Z";

    /** No person has a key: every sealed field opens as erased, so a test can see that it was opened. */
    private static final PersonalData NO_KEYS = new PersonalData(new PersonKeys() {
        @Override
        public byte[] keyFor(PersonId person) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> committedKeyFor(PersonId person) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> existingKey(PersonId person) {
            return Optional.empty();
        }

        @Override
        public boolean isKnown(PersonId person) {
            return false;
        }

        @Override
        public boolean isErased(PersonId person) {
            return true;
        }

        @Override
        public void destroy(PersonId person) {
        }
    });

    @Test
    void aPayloadWithNothingToOpenIsWrittenAsStored() {
        String payload = "{\"note\":\"first line\\nsecond \\\"quoted\\\"\",\"amount\":1.10,\"city\":\"Nanjing 南京\"}";
        String metaData = "{\"actor\":\"desk\",\"correlationId\":\"c-1\"}";

        String written = write(event("dk.greatercph.ope.events.delegation.DelegationRegisteredEvent", payload,
                metaData));

        assertThat(written).contains("\"payload\":" + payload).contains("\"metaData\":" + metaData)
                .contains("\"timestamp\":\"" + STAMP + "\"");
    }

    @Test
    void aSealedFieldIsOpenedHoweverItsNameIsSpelt() {
        String plain = "{\"name\":{\"personId\":\"PER-1\",\"sealed\":\"AAAA\"}}";
        String escaped = "{\"name\":{\"personId\":\"PER-1\",\"\\u0073ealed\":\"AAAA\"}}";

        for (String payload : new String[] {plain, escaped}) {
            JsonNode shown = JSON.readTree(write(event("dk.greatercph.ope.events.trip.ParticipantAddedEvent", payload,
                    "{}"))).get("payload");

            assertThat(shown.get("name").asString()).as(payload).isEqualTo(PersonalData.ERASED);
        }
    }

    @Test
    void aDocumentThatIsNotOneJsonObjectKeepsTheAnswerValid() {
        for (String broken : new String[] {"{\"note\":", "{\"a\":1} {\"b\":2}", "{\"a\":1}]", "not json"}) {
            String written = write(event("dk.greatercph.ope.events.delegation.DelegationScreenedEvent", broken,
                    "{\"actor\":\"desk\"}"));

            JsonNode shown = JSON.readTree(written);
            assertThat(shown.get("position").asLong()).as(broken).isEqualTo(7);
            assertThat(written).as(broken).doesNotContain(broken);
        }
        JsonNode unreadable = JSON.readTree(write(event("dk.greatercph.ope.events.delegation.DelegationScreenedEvent",
                "{\"note\":", "{}")));
        assertThat(unreadable.get("payload").has("unreadable")).isTrue();
        JsonNode brokenMetaData = JSON.readTree(write(event(
                "dk.greatercph.ope.events.delegation.DelegationScreenedEvent", "{}", "{\"actor\":")));
        assertThat(brokenMetaData.get("payload").has("unreadable")).isTrue();
    }

    @Test
    void aDocumentStoredOverSeveralLinesIsWrittenOnOneLineForTheExport() {
        String written = write(event("dk.greatercph.ope.events.delegation.DelegationScreenedEvent",
                "{\n  \"note\": \"kept\"\r\n}", "{\n\"actor\": \"desk\"\n}"));

        assertThat(written).doesNotContain("\n").doesNotContain("\r");
        JsonNode shown = JSON.readTree(written);
        assertThat(shown.get("payload").get("note").asString()).isEqualTo("kept");
        assertThat(shown.get("metaData").get("actor").asString()).isEqualTo("desk");
    }

    @Test
    void anArrayIsStillReadAsATree() {
        JsonNode shown = JSON.readTree(write(event("dk.greatercph.ope.events.delegation.DelegationScreenedEvent",
                "[1, 2]", "{}")));

        assertThat(shown.get("payload").isArray()).isTrue();
        assertThat(shown.get("payload").size()).isEqualTo(2);
    }

    private static StoredEvent event(String payloadType, String payload, String metaData) {
        return new StoredEvent(7, "e-7", "DEL-1", 3, "Delegation", payloadType, null,
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8), STAMP);
    }

    private static String write(StoredEvent event) {
        return JSON.writeValueAsString(AuditEventView.readable(event, JSON, NO_KEYS));
    }
}
