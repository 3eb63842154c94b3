package dk.greatercph.ope.web.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every page form that changes something is sent once, however often the browser sends it (a double click, a
 * reload of the answer, a retry over a bad connection). Each such form, as rendered, carries a key of its own in the
 * hidden field {@value #FIELD}, added where Spring Security adds the form's CSRF token; the page's calls of the API
 * under that form carry it as their {@code Idempotency-Key} ({@link Api}), so the API's idempotency filter answers a
 * second sending with the first one's answer and records nothing again. A form rendered anew (after an answer, or a
 * refusal) has a new key.
 */
@Component
class FormKeys implements BeanPostProcessor {

    static final String FIELD = "_submission";

    /** The name under which Spring's form tags (and Thymeleaf's) find the processor. */
    private static final String PROCESSOR = "requestDataValueProcessor";
    private static final String READ_ONLY_FORM = FormKeys.class.getName() + ".READ_ONLY_FORM";
    private static final String SENT = FormKeys.class.getName() + ".SENT";
    private static final Set<String> READING_METHODS = Set.of("get", "head", "options", "trace");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return PROCESSOR.equals(name) && bean instanceof RequestDataValueProcessor security
                ? new WithFormKey(security) : bean;
    }

    /**
     * The key for the next call of the API that the page's request makes under its form: the form's key and the
     * call's number within the request (a page may call the API more than once for one form, always in the same
     * order for the same form); empty when the request carries no form key.
     */
    static Optional<String> next(HttpServletRequest page) {
        String key = page.getParameter(FIELD);
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        int sent = page.getAttribute(SENT) instanceof Integer n ? n + 1 : 1;
        page.setAttribute(SENT, sent);
        return Optional.of(key + "." + sent);
    }

    /** Spring Security's processor (the CSRF token), and the form's key beside it in every form that is posted. */
    private record WithFormKey(RequestDataValueProcessor security) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            if (method == null || READING_METHODS.contains(method.toLowerCase(Locale.ROOT))) {
                request.setAttribute(READ_ONLY_FORM, Boolean.TRUE);
            } else {
                request.removeAttribute(READ_ONLY_FORM);
            }
            return security.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return security.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = security.getExtraHiddenFields(request);
            if (Boolean.TRUE.equals(request.getAttribute(READ_ONLY_FORM))) {
                return fields;
            }
            Map<String, String> withKey = new LinkedHashMap<>(fields == null ? Map.of() : fields);
            withKey.put(FIELD, UUID.randomUUID().toString());
            return withKey;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return security.processUrl(request, url);
        }
    }
}
