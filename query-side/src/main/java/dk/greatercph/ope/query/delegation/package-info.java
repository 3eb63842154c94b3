/**
 * The desk's board of delegations: its projection (the only writer of the board's five tables), its queries and
 * REST API; the inbox reads the assignments only through the {@code inbox_assignment} view.
 */
package dk.greatercph.ope.query.delegation;
