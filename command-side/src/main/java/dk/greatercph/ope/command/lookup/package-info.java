/** The command side's lookup tables as a whole: rebuilding every one of them from the event store. */
package dk.greatercph.ope.command.lookup;
