package dk.greatercph.ope.platform.observability;

import dk.greatercph.ope.platform.processing.EventHandled;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's batch, run as Axon's event processors run it: each event through the processors' interceptor, in one
 * batching unit of work.
 */
class EventResultTest {

    private final MessageHandlerInterceptor<EventMessage<?>> interceptor =
            new ObservabilityAutoConfiguration().correlationWhileHandlingEvents();

    @Test
    void everyEventOfABatchGetsTheOneResultMadeForAllAndIsHandledUnderItsCorrelationId() throws Exception {
        List<EventMessage<?>> events = List.of(event("a"), event("b"), event("c"));
        List<String> seen = new ArrayList<>();

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        ResultMessage<?> result = run(unitOfWork, message -> {
            seen.add(message.getPayload() + " " + MDC.get(CorrelationId.MDC_KEY));
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seen).hasSize(3).allSatisfy(line -> assertThat(line).doesNotEndWith(" null"));
        Map<Message<?>, ExecutionResult> results = unitOfWork.getExecutionResults();
        assertThat(results).hasSize(3);
        // a new result message per event drew a new identifier from the strong generator for each
        assertThat(results.values()).allSatisfy(each -> assertThat(each.getResult()).isSameAs(EventHandled.RESULT));
        assertThat(EventHandled.RESULT.getPayload()).isNull();
        assertThat(EventHandled.RESULT.isExceptional()).isFalse();
    }

    @Test
    void aHandlersFailureStillRollsTheBatchBackAndAValueIsPassedOn() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> failing = new BatchingUnitOfWork<>(List.of(event("a"), event("b")));
        ResultMessage<?> failed = run(failing, message -> {
            throw new IllegalStateException("refused " + message.getPayload());
        });
        assertThat(failed.isExceptional()).isTrue();
        assertThat(failed.exceptionResult()).hasMessage("refused a");
        assertThat(failing.isRolledBack()).isTrue();

        BatchingUnitOfWork<EventMessage<?>> answering = new BatchingUnitOfWork<>(List.of(event("a")));
        ResultMessage<?> answered = run(answering, message -> "answer to " + message.getPayload());
        assertThat(answered.getPayload()).isEqualTo("answer to a");
    }

    private ResultMessage<?> run(BatchingUnitOfWork<EventMessage<?>> unitOfWork,
                                 MessageHandler<? super EventMessage<?>> handler) {
        return unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(interceptor),
                handler).proceed(), RollbackConfigurationType.ANY_THROWABLE);
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
