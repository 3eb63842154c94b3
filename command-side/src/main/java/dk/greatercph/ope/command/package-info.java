/** The command side: aggregates that decide, the rules they enforce, and the REST command API. */
package dk.greatercph.ope.command;
