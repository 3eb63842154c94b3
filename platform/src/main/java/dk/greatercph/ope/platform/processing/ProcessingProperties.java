package dk.greatercph.ope.platform.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ope.processing.*}.
 *
 * @param nice the scheduling priority (nice value, 0–19) the event processors' threads and the event store's reading
 *             thread lower themselves to when they start ({@link BackgroundThreads}); 0 leaves them at the process's
 *             priority. Default 10
 */
@ConfigurationProperties("ope.processing")
public record ProcessingProperties(Integer nice) {

    public ProcessingProperties {
        nice = nice == null ? 10 : nice;
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("ope.processing.nice must be between 0 and 19: " + nice);
        }
    }
}
