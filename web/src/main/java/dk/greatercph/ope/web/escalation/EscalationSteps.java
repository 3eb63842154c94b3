package dk.greatercph.ope.web.escalation;

import org.springframework.stereotype.Component;

/**
 * The desk's next step for an escalation in the page's words: the API names the step by the call that carries it
 * out (with an English sentence); templates ask {@code ${@escalationSteps.key(e)}} for the message that says it.
 */
@Component("escalationSteps")
public class EscalationSteps {

    /** The message key of the step, or null for a step these pages do not know yet (then the API's words show). */
    public String key(String state, String role, String path) {
        if (path == null) {
            return null;
        }
        if ("OFFERED".equals(state) && path.endsWith("/acceptance")) {
            return "escalations.step.remind";
        }
        if (path.endsWith("/routing")) {
            return "LEAD".equals(role) ? "escalations.step.rerouteLead" : "escalations.step.rerouteSupporting";
        }
        if (path.endsWith("/decline")) {
            return "escalations.step.recordDecline";
        }
        return null;
    }
}
