/** The incoming delegation: its aggregate, commands and rules. */
package dk.greatercph.ope.command.delegation;
