package dk.greatercph.ope.web.operator;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The registered operators a form offers to pick, by name with the code beside it, as {@code ${@operators.all()}}:
 * the routing and trip forms asked the desk to type an operator's code ("copcap"), and its name was refused in
 * general words. Empty for a user who may not list the operators.
 */
@Component("operators")
public class OperatorChoices {

    private final Api api;

    OperatorChoices(Api api) {
        this.api = api;
    }

    public Object all() {
        if (!api.allows(HttpMethod.GET, "/api/operators")) {
            return List.of();
        }
        ApiAnswer operators = api.get("/api/operators");
        return operators.ok() ? operators.data() : List.of();
    }
}
