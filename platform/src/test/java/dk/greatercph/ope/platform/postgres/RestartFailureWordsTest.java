package dk.greatercph.ope.platform.postgres;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed restart of the embedded PostgreSQL was logged as "failed (null)": its causes are named now. */
class RestartFailureWordsTest {

    @Test
    void aFailureWithoutAMessageOfItsOwnIsDescribedByItsCauses() {
        IllegalStateException failure = new IllegalStateException(null,
                new IOException("Gave up waiting for server to start after 60000ms",
                        new IOException("could not extend file \"base/5/2840\": No space left on device")));

        assertThat(EmbeddedPostgresServer.causes(failure)).isEqualTo("IllegalStateException; caused by IOException: "
                + "Gave up waiting for server to start after 60000ms; caused by IOException: could not extend file "
                + "\"base/5/2840\": No space left on device");
    }
}
