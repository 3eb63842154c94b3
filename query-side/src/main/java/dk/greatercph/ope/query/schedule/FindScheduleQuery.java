package dk.greatercph.ope.query.schedule;

import java.time.LocalDate;

/**
 * Schedule entries overlapping the days {@code from}..{@code to} (Europe/Copenhagen, both inclusive), optionally of
 * one operator's delegations and trips, one venue or one host. Every filter may be null. With {@code viewer} set
 * (an operator asking), that operator's own delegations and trips are shown in full and every other programme
 * item only as an anonymous booked block of its venue and host; trips it does not travel with are left out, and
 * a trip's leader is not shown.
 */
public record FindScheduleQuery(LocalDate from, LocalDate to, String operator, String venue, String host,
                                String viewer) {
}
