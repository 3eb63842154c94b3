package dk.greatercph.ope.app.support;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The body of a trip plan ({@code POST /api/trips}) as a client writes it, with defaults that tests rarely care
 * about: a trip to Nanjing from 10 to 16 May of its year, led by the chair of the Regional Council. Values are
 * written into the JSON as given, escapes included, so a test can send exactly the text it probes.
 */
public record TripPlan(int year, String title, List<String> destinations, String startDate, String endDate,
                       String leader, String extraordinaryReason, String leaderPersonId) {

    /** The trip of {@code year} with every default. */
    public static TripPlan of(int year) {
        return new TripPlan(year, "Political trip to Jiangsu", List.of("Nanjing"), year + "-05-10", year + "-05-16",
                "Chair of the Regional Council", null, null);
    }

    public TripPlan titled(String title) {
        return new TripPlan(year, title, destinations, startDate, endDate, leader, extraordinaryReason,
                leaderPersonId);
    }

    public TripPlan to(String... destinations) {
        return new TripPlan(year, title, List.of(destinations), startDate, endDate, leader, extraordinaryReason,
                leaderPersonId);
    }

    /** From {@code startDate} to {@code endDate}, as written ({@code yyyy-mm-dd} or anything a test probes). */
    public TripPlan dates(String startDate, String endDate) {
        return new TripPlan(year, title, destinations, startDate, endDate, leader, extraordinaryReason,
                leaderPersonId);
    }

    public TripPlan ledBy(String leader) {
        return new TripPlan(year, title, destinations, startDate, endDate, leader, extraordinaryReason,
                leaderPersonId);
    }

    /** Led by a person already known to the system; null leaves the field out. */
    public TripPlan ledByPerson(String leaderPersonId) {
        return new TripPlan(year, title, destinations, startDate, endDate, leader, extraordinaryReason,
                leaderPersonId);
    }

    /** A further trip of its year, for the stated reason (R7); null leaves the field out. */
    public TripPlan extraordinary(String reason) {
        return new TripPlan(year, title, destinations, startDate, endDate, leader, reason, leaderPersonId);
    }

    public String json() {
        return "{\"year\":" + year + ",\"title\":\"" + title + "\",\"destinations\":["
                + destinations.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","))
                + "],\"startDate\":\"" + startDate + "\",\"endDate\":\"" + endDate + "\",\"leader\":\"" + leader + "\""
                + (extraordinaryReason == null ? "" : ",\"extraordinaryReason\":\"" + extraordinaryReason + "\"")
                + (leaderPersonId == null ? "" : ",\"leaderPersonId\":\"" + leaderPersonId + "\"") + "}";
    }
}
