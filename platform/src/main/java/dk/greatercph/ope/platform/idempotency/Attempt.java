package dk.greatercph.ope.platform.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.UUID;

/**
 * The attempt of a request with an Idempotency-Key that is being carried out, as a request attribute. A command
 * handled for it marks the key's record as recorded in the command's own transaction ({@link #markRecorded}), so the
 * mark is committed exactly when what the command did is: whatever becomes of the answer afterwards, the key is never
 * carried out again. The resource the command creates, if the endpoint named it ({@link RecordedResource}), is written
 * with the mark, for the retry to be told where it is.
 */
record Attempt(IdempotencyScope scope, String key, UUID id) {

    static final String ATTRIBUTE = Attempt.class.getName();

    /** A command handler interceptor that marks the current request's attempt recorded, inside the command's work. */
    static MessageHandlerInterceptor<CommandMessage<?>> markRecorded(JdbcClient jdbc) {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null
                    && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Attempt attempt) {
                jdbc.sql("""
                                UPDATE idempotency_record SET recorded = true,
                                    location = COALESCE(:location, location)
                                WHERE issuer = :issuer AND subject = :subject AND idem_key = :key
                                  AND attempt = :attempt
                                """)
                        .param("location", RecordedResource.of(request))
                        .param("issuer", attempt.scope().issuer()).param("subject", attempt.scope().subject())
                        .param("key", attempt.key()).param("attempt", attempt.id()).update();
            }
            return result;
        };
    }
}
