package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.ProgrammeItemKind;
import dk.greatercph.ope.events.delegation.Theme;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * The values a page offers in its pickers, from the published language itself (so a new theme or type shows up
 * without a page change). Labels are the messages {@code enum.<Type>.<VALUE>}.
 */
@Component("choices")
public class Choices {

    /** A delegation's statuses as the board shows them (the query side's view of the lifecycle). */
    static final List<String> STATUSES = List.of("REQUESTED", "SCREENED", "ROUTED", "ACCEPTED", "PROGRAMME_PLANNED",
            "CONFIRMED", "COMPLETED", "DECLINED", "CANCELLED", "WITHDRAWN");

    static final List<String> ASSIGNMENT_STATES = List.of("OFFERED", "ESCALATED", "ACCEPTED", "DECLINED", "WITHDRAWN");

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> assignmentStates() {
        return ASSIGNMENT_STATES;
    }

    public List<String> themes() {
        return names(Theme.values());
    }

    public List<String> types() {
        return names(DelegationType.values());
    }

    public List<String> sectors() {
        return names(DelegationType.Sector.values());
    }

    public List<String> channels() {
        return names(Channel.values());
    }

    public List<String> politicalLevels() {
        return names(PoliticalLevel.values());
    }

    public List<String> itemKinds() {
        return names(ProgrammeItemKind.values());
    }

    /** The values' names in their order, but "other" last: types added after it came below "Andet" in the lists. */
    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name)
                .sorted(java.util.Comparator.comparing(name -> name.equals("OTHER"))).toList();
    }
}
