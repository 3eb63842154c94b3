package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.query.inbox.AssignmentState;

import java.time.LocalDate;

/**
 * A page of the desk's board, newest first; {@code beforePosition} is the decoded cursor or null. Every filter is
 * optional: {@code operator} matches the lead, a supporting operator or an open assignment, {@code from}/{@code to}
 * match delegations whose wished dates overlap that period, {@code text} searches organisation and purpose;
 * {@code country} (ISO 3166-1 alpha-2), {@code sector} and {@code type} select by origin and kind,
 * {@code receivedFrom}/{@code receivedTo} by the date the request reached the desk (both inclusive), and
 * {@code assignmentState} the delegations having an assignment in that state.
 */
public record FindDelegationsQuery(Long beforePosition, int limit, DelegationStatus status, String operator,
                                   Theme theme, LocalDate from, LocalDate to, String text, String country,
                                   DelegationType.Sector sector, DelegationType type, LocalDate receivedFrom,
                                   LocalDate receivedTo, AssignmentState assignmentState) {

    /**
     * An empty operator filter ({@code ?operator=}) is no filter, as an empty text or enum filter is; operator codes
     * are lower case, so {@code ?operator=CHC} is chc (it matched nothing).
     */
    public FindDelegationsQuery {
        operator = operator == null || operator.isBlank() ? null : operator.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The unfiltered board. */
    public FindDelegationsQuery(Long beforePosition, int limit) {
        this(beforePosition, limit, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The board with the filters it had before origin, kind, receipt and assignment state. */
    public FindDelegationsQuery(Long beforePosition, int limit, DelegationStatus status, String operator,
                                Theme theme, LocalDate from, LocalDate to, String text) {
        this(beforePosition, limit, status, operator, theme, from, to, text, null, null, null, null, null, null);
    }
}
