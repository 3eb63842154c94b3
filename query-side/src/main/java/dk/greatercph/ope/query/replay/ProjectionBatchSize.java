package dk.greatercph.ope.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ope.projections.batch-size}: how many events a streaming processor handles in one transaction at most. A
 * processor takes only the events already there, so live events are not held back to fill a batch.
 */
@ConfigurationProperties("ope.projections")
public record ProjectionBatchSize(@DefaultValue("1000") int batchSize) {
}
