package dk.greatercph.ope.platform.idempotency;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the current request's refusal as recorded (the refusal is itself an event), so that its 4xx answer is
 * kept for its Idempotency-Key like a success: retrying it must not record the refusal twice. Other 4xx
 * answers record nothing and are not kept, so a corrected request may use the same key.
 */
public final class RecordedRefusal {

    static final String ATTRIBUTE = RecordedRefusal.class.getName();

    private RecordedRefusal() {
    }

    public static void mark() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
