package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.database.DatabaseAnswersAgain;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the database answers again, the event processors that failed while it was away process at once. Axon's
 * tracking processors wait 1, 2, 4 … up to 60 s between tries and keep the last wait when the database returns:
 * after a one-minute outage, writes were taken again within a second while every view (the written delegation's own,
 * the board, the inboxes) stayed behind for 27 s more. Each running processor is stopped and started again, which
 * begins its waits anew from its stored token; nothing is skipped. (Axon 4's {@code isError()} cannot pick out the
 * ones waiting: the tracking processor never enters the state it reports; and all of them read the store while it
 * was away.) Processors stopped on purpose (a parallel replay) are not running and are left alone.
 */
@Component
class ProcessorsAfterAnOutage {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAfterAnOutage.class);

    private final EventProcessingConfiguration processing;

    ProcessorsAfterAnOutage(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** On the probe's thread: the restarts, which wait for the processors' threads, run on one of their own. */
    @EventListener
    void on(DatabaseAnswersAgain event) {
        Thread restart = new Thread(this::restartRunning, "processors-after-an-outage");
        restart.setDaemon(true);
        restart.start();
    }

    void restartRunning() {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> {
                    try {
                        processor.shutDown();
                        processor.start();
                        log.info("Event processor {} processes again now that the database answers, not after its "
                                + "back-off", processor.getName());
                    } catch (RuntimeException e) {
                        log.warn("Event processor {} could not be restarted after the outage; it retries after its "
                                + "back-off", processor.getName(), e);
                    }
                });
    }
}
