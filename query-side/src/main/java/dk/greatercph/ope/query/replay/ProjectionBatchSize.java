package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.processing.BackgroundThreads;
import dk.greatercph.ope.platform.processing.ProcessingProperties;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ope.projections.*}.
 *
 * @param batchSize     how many events a streaming processor handles in one transaction at most; a processor takes
 *                      only the events already there, so live events are not held back to fill a batch
 * @param replayWorkers how many workers replay a {@link ParallelReplay} projection side by side
 */
@ConfigurationProperties("ope.projections")
public record ProjectionBatchSize(@DefaultValue("1000") int batchSize, @DefaultValue("2") int replayWorkers) {

    /**
     * How every projection's processor runs: one thread, batches of {@link #batchSize}, and its thread at the nice
     * value of background work ({@code ope.processing.nice}).
     */
    public TrackingEventProcessorConfiguration processorConfiguration(ProcessingProperties processing) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andThreadFactory(processor -> BackgroundThreads.forProcessor(processor, processing.nice()));
    }
}
