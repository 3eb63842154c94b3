/** Operators: registration, the themes they take (which version the routing table), their KPI agreements. */
package dk.greatercph.ope.command.operator;
