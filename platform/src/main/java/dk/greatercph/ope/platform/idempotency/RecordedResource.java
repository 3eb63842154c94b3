package dk.greatercph.ope.platform.idempotency;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Names the resource the current request's command is about to create, before the command is sent: with an
 * Idempotency-Key it is written on the key's record in the command's own transaction ({@link Attempt}), so a retry
 * whose first answer was lost after the commit is told where the created resource is ({@code Location}). Without it
 * the client knew only that something was recorded, and had to search for what.
 */
public final class RecordedResource {

    static final String ATTRIBUTE = RecordedResource.class.getName();

    private RecordedResource() {
    }

    public static void at(String location) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, location, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static String of(RequestAttributes request) {
        return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof String location
                ? location : null;
    }
}
