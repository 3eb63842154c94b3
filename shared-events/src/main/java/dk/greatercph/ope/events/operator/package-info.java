/** Events, ids and value types of the operators that host delegations, their themes and KPI agreements. */
package dk.greatercph.ope.events.operator;
