package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.command.trip.TripProblem;
import dk.greatercph.ope.platform.input.RuleViolations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a trip's plan that read more than one field: it ends on or after the day it starts, lasts at most
 * {@link #LONGEST_DAYS} days, and starts in the year it is planned for. Checked with the fields, so a plan without a title whose dates are in the wrong year is told
 * both at once; the dates were told only once the fields were right. Each keeps its own code (INVALID_DATES,
 * YEAR_MISMATCH), answered when it is the only refusal; the trip checks them again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TripPlanRules.Validator.class)
@interface TripPlanRules {

    String message() default "breaks a rule of a trip's plan";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** How many days after its first day a trip ends at the latest: a political trip is a week or two. */
    int LONGEST_DAYS = 60;

    class Validator implements ConstraintValidator<TripPlanRules, TripRequests.Plan> {

        @Override
        public boolean isValid(TripRequests.Plan plan, ConstraintValidatorContext context) {
            boolean valid = true;
            if (plan.startDate() != null && plan.endDate() != null && plan.endDate().isBefore(plan.startDate())) {
                valid = RuleViolations.refuse(context, TripProblem.INVALID_DATES, "endDate",
                        "is before startDate (" + plan.startDate() + "): a trip ends on or after the day it starts");
            } else if (plan.startDate() != null && plan.endDate() != null
                    && plan.endDate().isAfter(plan.startDate().plusDays(LONGEST_DAYS))) {
                // a trip ending in the year 2999 was planned, and stood in every schedule of the years after
                valid = RuleViolations.refuse(context, TripProblem.TRIP_TOO_LONG, "endDate",
                        "is more than " + LONGEST_DAYS + " days after startDate (" + plan.startDate()
                                + "): a trip ends at most " + LONGEST_DAYS + " days after it starts");
            }
            if (plan.startDate() != null && plan.year() != null && plan.year() >= 2013 && plan.year() <= 2100
                    && plan.startDate().getYear() != plan.year()) {
                valid = RuleViolations.refuse(context, TripProblem.YEAR_MISMATCH, "startDate",
                        "is not in " + plan.year() + ": a trip starts in the year it is planned for");
            }
            return valid;
        }
    }
}
