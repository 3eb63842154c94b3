package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The names the event log's filters can match: the aggregate types that record events and the event types of the
 * published language. A name that is neither is refused naming its filter; it answered an empty page, which read
 * as "nothing happened" to an auditor who had mistyped it.
 */
final class LoggedNames {

    /** The aggregate types as the event table stores them; {@code AggregateTypesTest} holds them to Axon's. */
    static final Set<String> AGGREGATE_TYPES = Set.of("Delegation", "Trip", "Operator", "Venue", "Partner",
            "NotificationSettings");

    private static final String EVENTS_PACKAGE = "dk.greatercph.ope.events";

    /** Every event type, lower case, by its qualified name, its simple name and its simple name without "Event". */
    private static final Set<String> EVENT_NAMES = eventNames();

    private LoggedNames() {
    }

    static void requireKnown(FindAuditEventsQuery.EventFilter filter) {
        if (filter.aggregateType() != null && AGGREGATE_TYPES.stream()
                .noneMatch(type -> type.equalsIgnoreCase(filter.aggregateType()))) {
            throw DomainProblem.invalid(AuditQueryProblem.UNKNOWN_AGGREGATE_TYPE, "aggregateType",
                    "There is no aggregate type '" + filter.aggregateType() + "'; the types are "
                            + AGGREGATE_TYPES.stream().sorted().collect(Collectors.joining(", ")) + ".");
        }
        if (filter.eventType() != null && !EVENT_NAMES.contains(filter.eventType().toLowerCase(Locale.ROOT))) {
            throw DomainProblem.invalid(AuditQueryProblem.UNKNOWN_EVENT_TYPE, "type",
                    "There is no event type '" + filter.eventType() + "' (e.g. DelegationRegisteredEvent).");
        }
    }

    private static Set<String> eventNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        return scanner.findCandidateComponents(EVENTS_PACKAGE).stream()
                .map(candidate -> candidate.getBeanClassName().toLowerCase(Locale.ROOT))
                .flatMap(qualified -> {
                    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
                    return Stream.of(qualified, simple, simple.substring(0, simple.length() - "event".length()));
                })
                .collect(Collectors.toUnmodifiableSet());
    }
}
