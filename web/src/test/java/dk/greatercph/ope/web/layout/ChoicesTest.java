package dk.greatercph.ope.web.layout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lists a form offers: "other" comes last, whatever was added to the enum after it. */
class ChoicesTest {

    @Test
    void otherIsTheLastChoice() {
        Choices choices = new Choices();

        assertThat(choices.types()).last().isEqualTo("OTHER");
        assertThat(choices.types()).containsOnlyOnce("OTHER").contains("TOURISM_TRADE", "TRADE_ORGANISATION");
        assertThat(choices.sectors()).last().isEqualTo("OTHER");
    }
}
