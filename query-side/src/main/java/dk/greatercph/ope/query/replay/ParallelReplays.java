package dk.greatercph.ope.query.replay;

import dk.greatercph.ope.platform.processing.ProcessingProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link ParallelReplayRun} of a projection whose handler beans are all marked {@link ParallelReplay},
 * from the same parts its processor uses: the handler beans with Axon's parameter resolvers and handler enhancers,
 * its sequencing policy, the event store, the transaction manager and the token store.
 */
@Component
class ParallelReplays {

    private final ListableBeanFactory beans;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final TokenStore tokens;
    private final ProjectionBatchSize settings;
    private final ProcessingProperties threads;

    ParallelReplays(ListableBeanFactory beans, org.axonframework.config.Configuration axon,
                    EventProcessingConfiguration processing, EventStore eventStore, TransactionManager transactions,
                    TokenStore tokens, ProjectionBatchSize settings, ProcessingProperties threads) {
        this.beans = beans;
        this.axon = axon;
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.tokens = tokens;
        this.settings = settings;
        this.threads = threads;
    }

    /** The run that replays {@code name} up to {@code target}, or empty when its processor must replay it. */
    Optional<ParallelReplayRun> of(String name, long target) {
        List<Object> handlers = beans.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> name.equals(group(bean)))
                .toList();
        if (target < 0 || settings.replayWorkers() < 1 || handlers.isEmpty()
                || !handlers.stream().allMatch(bean -> replaysInParallel(bean.getClass()))) {
            return Optional.empty();
        }
        List<AnnotationEventHandlerAdapter> adapters = handlers.stream()
                .map(bean -> new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        axon.handlerDefinition(bean.getClass())))
                .toList();
        return Optional.of(new ParallelReplayRun(name, adapters, processing.sequencingPolicy(name), eventStore,
                transactions, () -> keepClaim(name), settings.replayWorkers(), settings.batchSize(), target,
                threads.nice()));
    }

    /** Stores {@code token} for every segment of {@code name}: its processor goes on from there. */
    void finish(String name, TrackingToken token) {
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(name)) {
                tokens.storeToken(token, name, segment);
            }
        });
    }

    private void keepClaim(String name) {
        transactions.executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(name)) {
                tokens.extendClaim(name, segment);
            }
        });
    }

    /**
     * Marked {@link ParallelReplay}, and no handler that must know it is replayed: the parallel run hands the handlers
     * the events with their own tokens, not Axon's replay tokens, so a handler that Axon would skip in a replay, or
     * that asks whether it is one, is left to the processor.
     */
    static boolean replaysInParallel(Class<?> type) {
        if (!AnnotatedElementUtils.hasAnnotation(type, ParallelReplay.class)
                || AnnotatedElementUtils.hasAnnotation(type, DisallowReplay.class)
                || !allowsReplay(AnnotatedElementUtils.findMergedAnnotation(type, AllowReplay.class))) {
            return false;
        }
        return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
                .filter(method -> AnnotatedElementUtils.hasAnnotation(method, EventHandler.class))
                .noneMatch(method -> AnnotatedElementUtils.hasAnnotation(method, DisallowReplay.class)
                        || !allowsReplay(AnnotatedElementUtils.findMergedAnnotation(method, AllowReplay.class))
                        || Arrays.asList(method.getParameterTypes()).contains(ReplayStatus.class));
    }

    private static boolean allowsReplay(AllowReplay allow) {
        return allow == null || allow.value();
    }

    private static String group(Object bean) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(bean.getClass(), ProcessingGroup.class);
        return Objects.requireNonNull(group).value();
    }
}
