package dk.greatercph.ope.query.delegation;

import dk.greatercph.ope.events.delegation.Theme;

import java.time.LocalDate;

/**
 * A page of the desk's board, newest first; {@code beforePosition} is the decoded cursor or null. Every filter is
 * optional: {@code operator} matches the lead, a supporting operator or an open assignment, {@code from}/{@code to}
 * match delegations whose wished dates overlap that period, {@code text} searches organisation and purpose.
 */
public record FindDelegationsQuery(Long beforePosition, int limit, DelegationStatus status, String operator,
                                   Theme theme, LocalDate from, LocalDate to, String text) {

    /** The unfiltered board. */
    public FindDelegationsQuery(Long beforePosition, int limit) {
        this(beforePosition, limit, null, null, null, null, null, null);
    }
}
