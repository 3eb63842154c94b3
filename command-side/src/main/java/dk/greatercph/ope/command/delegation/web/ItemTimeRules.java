package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.command.delegation.DelegationProblem;
import dk.greatercph.ope.platform.input.CopenhagenDateTime;
import dk.greatercph.ope.platform.input.RuleViolations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * A programme item's time slot, checked with its fields: it ends after it starts and lasts at most 31 days. A form
 * without a title or venue and ending before it starts was told the title and venue, and then, once they were given,
 * the end (the command's check). Alone, the refusal keeps its code, {@code INVALID_TIME_SLOT} naming {@code endsAt},
 * as the command answers it; the command still checks, for every other way a command comes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ItemTimeRules.Validator.class)
@interface ItemTimeRules {

    Duration LONGEST = Duration.ofDays(31);

    String message() default "breaks a rule of a programme item's time slot";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ItemTimeRules, DelegationRequests.ProgrammeItem> {

        @Override
        public boolean isValid(DelegationRequests.ProgrammeItem item, ConstraintValidatorContext context) {
            Instant starts = readable("startsAt", item.startsAt());
            Instant ends = readable("endsAt", item.endsAt());
            if (starts == null || ends == null) {
                return true; // a time that cannot be read is refused by its own field's constraints
            }
            if (!ends.isAfter(starts)) {
                return RuleViolations.refuse(context, DelegationProblem.INVALID_TIME_SLOT, "endsAt",
                        "is not after startsAt (" + item.startsAt() + ")");
            }
            if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
                return RuleViolations.refuse(context, DelegationProblem.INVALID_TIME_SLOT, "endsAt",
                        "is more than " + LONGEST.toDays() + " days after startsAt");
            }
            return true;
        }

        private static Instant readable(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return CopenhagenDateTime.Check.instant(field, value);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
