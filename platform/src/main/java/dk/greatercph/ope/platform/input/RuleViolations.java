package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.problem.ProblemCode;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A constraint's refusal by a rule with a problem code of its own, for the validators that check rules with the
 * fields (a time the clocks skip, a date received after today, a trip ending before it starts): the code goes with the
 * violation, so the answer carries it, alone or beside the field among others.
 */
public final class RuleViolations {

    private RuleViolations() {
    }

    /**
     * Adds the refusal of {@code field} (null: the validated value itself) by the rule {@code code}, in place of the
     * constraint's default message; returns false, what {@code isValid} then answers.
     */
    public static boolean refuse(ConstraintValidatorContext context, ProblemCode code, String field, String message) {
        context.disableDefaultConstraintViolation();
        var violation = context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(code)
                .buildConstraintViolationWithTemplate(literal(message));
        if (field == null) {
            violation.addConstraintViolation();
        } else {
            violation.addPropertyNode(field).addConstraintViolation();
        }
        return false;
    }

    /** {@code message} as a message template that says exactly it (a typed value may hold braces or a dollar). */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
