package dk.greatercph.ope.query.schedule;

import java.time.LocalDate;

/**
 * Schedule entries overlapping the days {@code from}..{@code to} (Europe/Copenhagen, both inclusive), optionally of
 * one operator's delegations and trips, one venue or one host. Every filter may be null.
 */
public record FindScheduleQuery(LocalDate from, LocalDate to, String operator, String venue, String host) {
}
