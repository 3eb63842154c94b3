/** The Capital Region's outgoing political trips to China, and rule R7 (one annual trip per year). */
package dk.greatercph.ope.command.trip;
