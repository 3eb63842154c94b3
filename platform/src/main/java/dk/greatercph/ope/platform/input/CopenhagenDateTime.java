package dk.greatercph.ope.platform.input;

import dk.greatercph.ope.platform.time.OpeTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date-time as text, ISO-8601 with an offset or local time in Copenhagen without one, that names one instant
 * within the {@link DateRange}: checked with the request's other fields, so that a form with an impossible time
 * ({@code 25:00}) and an empty title is told both at once. It was read after the fields' validation, and named only
 * once the rest was right. A text of another shape is left to the field's {@code @Pattern}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CopenhagenDateTime.Check.class)
public @interface CopenhagenDateTime {

    String message() default "is not an ISO-8601 date-time";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Refuses with the words {@link #instant} would, its problem code kept as the violation's dynamic payload: a
     * refusal of this field alone answers with that code ({@code INVALID_FIELD}, {@code DATE_OUT_OF_RANGE}), as it
     * did when the controller read the time.
     */
    final class Check implements ConstraintValidator<CopenhagenDateTime, String> {

        private static final Pattern SHAPE = Pattern.compile(
                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?");

        /**
         * The instant {@code value} names, refused as {@link InvalidInput} naming {@code field}: a local time the
         * clocks skip (02:30 on the last Sunday of March) does not exist, and one they show twice (02:30 on the last
         * Sunday of October) needs its offset to say which; before, the first was moved an hour on without a word
         * and the second read as the earlier of the two. More than six decimals of a second are refused: the event
         * kept nanoseconds, the views and R6's bookings (PostgreSQL) microseconds, and they disagreed.
         */
        public static Instant instant(String field, String value) {
            Instant instant = parsed(field, value);
            if (instant.getNano() % 1_000 != 0) {
                throw new InvalidInput(InputProblem.INVALID_FIELD, field, "has more than six decimals of a second");
            }
            return instant;
        }

        private static Instant parsed(String field, String value) {
            try {
                return DateRange.require(field, OffsetDateTime.parse(value)).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                LocalDateTime local;
                try {
                    local = LocalDateTime.parse(value);
                } catch (DateTimeParseException e) {
                    throw new InvalidInput(InputProblem.INVALID_FIELD, field, "is not an ISO-8601 date-time");
                }
                int offsets = OpeTime.COPENHAGEN.getRules().getValidOffsets(local).size();
                if (offsets == 0) {
                    throw new InvalidInput(InputProblem.INVALID_FIELD, field, "is a time the clocks skip in "
                            + "Copenhagen (daylight saving time begins): it does not exist");
                }
                if (offsets > 1) {
                    throw new InvalidInput(InputProblem.INVALID_FIELD, field, "is a time the clocks show twice in "
                            + "Copenhagen (daylight saving time ends): give it with its offset, +02:00 or +01:00");
                }
                return DateRange.require(field, local.atZone(OpeTime.COPENHAGEN)).toInstant();
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || !SHAPE.matcher(value).matches()) {
                return true;
            }
            try {
                instant("value", value);
                return true;
            } catch (InvalidInput refused) {
                return RuleViolations.refuse(context, refused.code(), null, refused.getMessage());
            }
        }
    }
}
