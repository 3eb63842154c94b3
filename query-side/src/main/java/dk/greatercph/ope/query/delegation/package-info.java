/** The desk's board of delegations: its projection, queries and REST API. */
package dk.greatercph.ope.query.delegation;
