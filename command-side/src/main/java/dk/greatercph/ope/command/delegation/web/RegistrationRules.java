package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.delegation.DelegationProblem;
import dk.greatercph.ope.platform.input.CountryCodes;
import dk.greatercph.ope.platform.input.InputProblem;
import dk.greatercph.ope.platform.input.RuleViolations;
import dk.greatercph.ope.platform.time.OpeTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The rules of a registration that read more than one field, or today's date: an assigned country, a date received
 * not after today in Copenhagen, a wished window that does not end before it starts nor before the request came. Checked with the fields, so a
 * form with a missing province, a date received next year and a window ending before it starts is told all three at
 * once; they were told one round at a time (the fields, then the country and date received, then the window). Each
 * refusal keeps its own code as the violation's payload, answered when it is the only one, as before.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegistrationRules.Validator.class)
@interface RegistrationRules {

    String message() default "breaks a rule of a registration";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegistrationRules, RequestFields> {

        @Override
        public boolean isValid(RequestFields request, ConstraintValidatorContext context) {
            boolean valid = true;
            String country = request.countryOrDefault();
            if (country.length() == 2 && !CountryCodes.isAssigned(country)) {
                valid = RuleViolations.refuse(context, InputProblem.INVALID_COUNTRY, "country",
                        "is not an ISO 3166-1 alpha-2 country code in upper case, e.g. CN, DK or SE");
            }
            LocalDate today = LocalDate.now(OpeTime.COPENHAGEN);
            if (request.dateReceived() != null && request.dateReceived().isAfter(today)) {
                valid = RuleViolations.refuse(context, DelegationProblem.DATE_RECEIVED_IN_FUTURE, "dateReceived",
                        "is after today (" + today + ")");
            }
            if (request.wishedFrom() != null && request.wishedTo() != null
                    && request.wishedTo().isBefore(request.wishedFrom())) {
                valid = RuleViolations.refuse(context, DelegationProblem.INVALID_DATE_WINDOW, "wishedTo",
                        "ends before wishedFrom (" + request.wishedFrom() + ")");
            } else if (request.wishedTo() != null && request.dateReceived() != null
                    && !request.dateReceived().isAfter(today) && request.wishedTo().isBefore(request.dateReceived())) {
                // a visit wished for only before the request came could never be served: a mistyped year. Judged
                // only against a date given: an unreadable one (30 February) was judged as today, a second error
                valid = RuleViolations.refuse(context, DelegationProblem.INVALID_DATE_WINDOW, "wishedTo",
                        "ends before the request was received (" + request.dateReceived() + ")");
            }
            return valid;
        }
    }
}
