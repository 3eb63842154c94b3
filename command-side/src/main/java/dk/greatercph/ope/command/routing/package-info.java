/** Rule R1: the versioned routing table that maps themes to operators, derived from the operators' themes. */
package dk.greatercph.ope.command.routing;
