package dk.greatercph.ope.platform.observability;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While a command, an event or a deadline is handled, the log lines written carry the correlation id of the chain it
 * belongs to, on whichever thread handles it (a projection's processor, a deadline's scheduler, another process).
 */
final class CorrelationLogging implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, CorrelationId.of(unitOfWork.getMessage()));
        try {
            return chain.proceed();
        } finally {
            CorrelationIdFilter.restore(previous);
        }
    }
}
