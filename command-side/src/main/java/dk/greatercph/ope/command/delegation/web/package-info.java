/** The REST command API of delegations. */
package dk.greatercph.ope.command.delegation.web;
