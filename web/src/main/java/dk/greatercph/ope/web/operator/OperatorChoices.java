package dk.greatercph.ope.web.operator;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Map;

/**
 * The registered operators a form offers to pick, by name with the code beside it, as {@code ${@operators.all()}}:
 * the routing and trip forms asked the desk to type an operator's code ("copcap"), and its name was refused in
 * general words. Empty for a user who may not list the operators.
 */
@Component("operators")
public class OperatorChoices {

    private static final String ALL = OperatorChoices.class.getName() + ".all";
    private static final String SEEN = OperatorChoices.class.getName() + ".seen";

    private final Api api;

    OperatorChoices(Api api) {
        this.api = api;
    }

    public Object all() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object read = request == null ? null : request.getAttribute(ALL, RequestAttributes.SCOPE_REQUEST);
        if (read == null) {
            read = read();
            if (request != null) {
                request.setAttribute(ALL, read, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return read;
    }

    private Object read() {
        if (!api.allows(HttpMethod.GET, "/api/operators")) {
            return List.of();
        }
        ApiAnswer operators = api.get("/api/operators");
        return operators.ok() ? operators.data() : List.of();
    }

    /**
     * An operator as a page names it, "Name (code)", or its code where the user may not list the operators: the
     * delegation's facts said "chc" for its lead. The list is read once per request.
     */
    public String named(String id) {
        if (id == null) {
            return null;
        }
        if (all() instanceof List<?> operators) {
            for (Object operator : operators) {
                if (operator instanceof Map<?, ?> o && id.equals(o.get("id")) && o.get("name") != null) {
                    return o.get("name") + " (" + id + ")";
                }
            }
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(SEEN, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> seen
                && seen.get(id) != null) {
            return seen.get(id) + " (" + id + ")";
        }
        return id;
    }

    /**
     * Names the page has read with what it shows (a delegation's assignments name their operators), for a user who
     * may not list the operators: an operator's page said "copcap" where the desk's said "Copenhagen Capacity".
     */
    @SuppressWarnings("unchecked")
    public void seen(String id, Object name) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || id == null || !(name instanceof String text)) {
            return;
        }
        Object seen = request.getAttribute(SEEN, RequestAttributes.SCOPE_REQUEST);
        if (!(seen instanceof Map<?, ?>)) {
            seen = new java.util.HashMap<String, String>();
            request.setAttribute(SEEN, seen, RequestAttributes.SCOPE_REQUEST);
        }
        ((Map<String, String>) seen).put(id, text);
    }
}
