package dk.greatercph.ope.platform.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptWithoutCharsetTest {

    @Test
    void aWiderRangeBesideAnExclusionBecomesTheWrittenTypesItStillAccepts() {
        String left = AcceptWithoutCharset.strip("application/json;q=0, */*");

        assertThat(left.split(",")).contains("application/problem+json", "text/html", "text/csv")
                .doesNotContain("application/json", "*/*");
    }

    @Test
    void theMostSpecificRangeDecides() {
        assertThat(AcceptWithoutCharset.strip("application/*;q=0, application/json, */*;q=0.5").split(","))
                .contains(" application/json", "text/html;q=0.5").doesNotContain("application/problem+json;q=0.5");
        assertThat(AcceptWithoutCharset.strip("text/csv;q=0, text/*;q=0.8").split(","))
                .contains("text/html;q=0.8", "text/calendar;q=0.8").doesNotContain("text/csv;q=0.8");
    }

    @Test
    void rangesNoExclusionCoversAreKeptAsSent() {
        assertThat(AcceptWithoutCharset.strip("text/csv;q=0.0, application/json;q=0.5"))
                .isEqualTo(" application/json;q=0.5");
        assertThat(AcceptWithoutCharset.strip("application/json;q=0")).isEqualTo(AcceptWithoutCharset.NOTHING);
        assertThat(AcceptWithoutCharset.strip("application/json;charset=UTF-16, */*;q=0.1"))
                .isEqualTo("application/json, */*;q=0.1");
    }

    @Test
    void anExclusionOfEverythingWrittenLeavesNothingAcceptable() {
        assertThat(AcceptWithoutCharset.strip("*/*;q=0, */*")).isEqualTo(AcceptWithoutCharset.NOTHING);
        assertThat(AcceptWithoutCharset.strip("application/json;q=0, application/json"))
                .isEqualTo(AcceptWithoutCharset.NOTHING);
    }
}
