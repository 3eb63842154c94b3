package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.command.trip.TripProblem;
import dk.greatercph.ope.events.trip.ItineraryItemAddedEvent;
import dk.greatercph.ope.platform.input.RuleViolations;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An itinerary item's time zone and the order of its times, checked with its fields: a form with the zone "China"
 * and an end before its start was told the zone, and then, once it was given, the end. Alone, each refusal keeps its
 * code ({@code INVALID_TIME_ZONE} naming {@code timeZone}, {@code INVALID_TIME_SLOT} naming {@code endsAt}); the
 * controller and the trip still check, for every other way a command comes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ItineraryItemRules.Validator.class)
@interface ItineraryItemRules {

    String message() default "breaks a rule of an itinerary item";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ItineraryItemRules, TripRequests.ItineraryItem> {

        @Override
        public boolean isValid(TripRequests.ItineraryItem item, ConstraintValidatorContext context) {
            boolean valid = true;
            String zone = item.timeZone() == null ? ItineraryItemAddedEvent.CHINA_STANDARD_TIME : item.timeZone();
            boolean known = ZoneId.getAvailableZoneIds().contains(zone) && !zone.startsWith("SystemV/");
            if (!known) {
                valid = RuleViolations.refuse(context, TripInputProblem.INVALID_TIME_ZONE, "timeZone",
                        "is not an IANA time zone id, e.g. Asia/Shanghai or Europe/Copenhagen");
            }
            if (item.startsAt() != null && item.endsAt() != null) {
                // in the item's zone when it is known; as written otherwise, which orders two local times alike
                LocalDateTime starts = known ? item.startsAt().in(zone) : item.startsAt().local();
                LocalDateTime ends = known ? item.endsAt().in(zone) : item.endsAt().local();
                boolean moments = item.startsAt().offset() != null && item.endsAt().offset() != null;
                // two moments are ordered as moments: across the hour the clocks repeat, local times are not
                if (moments ? !item.endsAt().local().atOffset(item.endsAt().offset())
                        .isAfter(item.startsAt().local().atOffset(item.startsAt().offset())) : !ends.isAfter(starts)) {
                    valid = RuleViolations.refuse(context, TripProblem.INVALID_TIME_SLOT, "endsAt",
                            "is not after startsAt");
                }
            }
            return valid;
        }
    }
}
