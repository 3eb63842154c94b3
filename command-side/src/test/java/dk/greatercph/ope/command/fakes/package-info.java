/** In-memory stand-ins for the command side's lookup tables, for aggregate fixture tests only. */
package dk.greatercph.ope.command.fakes;
