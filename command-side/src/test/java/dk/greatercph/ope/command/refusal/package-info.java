/** Test matchers for the refusals aggregates give. */
package dk.greatercph.ope.command.refusal;
