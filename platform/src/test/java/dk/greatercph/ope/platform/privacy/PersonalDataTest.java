package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.person.SealedText;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal fields sealed with the person's data key in real PostgreSQL: they open for that person only, and once
 * the key is destroyed they read as erased everywhere, while the sealed values stay as they were stored.
 */
@PlatformIntegrationTest
class PersonalDataTest {

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aSealedFieldOpensToWhatWasSealedAndShowsNothingOfIt() {
        PersonId person = PersonId.newId();

        SealedText sealed = personalData.seal(person, "Li Wei, +86 25 8888 0000");

        assertThat(sealed.sealed()).doesNotContain("Li Wei").doesNotContain("8888");
        assertThat(personalData.open(sealed)).contains("Li Wei, +86 25 8888 0000");
        assertThat(personalData.isKnown(person)).isTrue();
        assertThat(personalData.seal(person, "Li Wei, +86 25 8888 0000").sealed()).isNotEqualTo(sealed.sealed());
    }

    @Test
    void aSealedFieldDoesNotOpenAsAnotherPersons() {
        PersonId person = PersonId.newId();
        PersonId another = PersonId.newId();
        personalData.seal(another, "another's field");
        SealedText sealed = personalData.seal(person, "Zhang Min");

        assertThatThrownBy(() -> personalData.open(new SealedText(another, sealed.sealed())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onceErasedEveryFieldOfThePersonReadsAsErasedAndNoneCanBeSealedAgain() {
        PersonId person = PersonId.newId();
        SealedText sealed = personalData.seal(person, "Chen Jie");
        JsonNode payload = json.readTree("""
                {"memberId":"MEM-1","name":{"personId":"%s","sealed":"%s"},"headCount":3}"""
                .formatted(person.value(), sealed.sealed()));
        assertThat(personalData.openAll(payload).get("name").asString()).isEqualTo("Chen Jie");

        personalData.erase(person);

        assertThat(personalData.isErased(person)).isTrue();
        assertThat(personalData.open(sealed)).isEmpty();
        assertThat(personalData.openOrErased(sealed)).isEqualTo(PersonalData.ERASED);
        assertThat(personalData.openAll(payload).get("name").asString()).isEqualTo(PersonalData.ERASED);
        assertThat(personalData.openAll(payload).get("headCount").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT data_key FROM person_key WHERE person_id = :id").param("id", person.value())
                .query(byte[].class).optional()).isEmpty();
        assertThatThrownBy(() -> personalData.seal(person, "Chen Jie"))
                .isInstanceOfSatisfying(DomainProblem.class,
                        problem -> assertThat(problem.details().code()).isEqualTo("PERSON_ERASED"));
    }
}
