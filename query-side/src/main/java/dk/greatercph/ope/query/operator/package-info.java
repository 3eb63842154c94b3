/** Operators and their KPI targets as the desk sees them. */
package dk.greatercph.ope.query.operator;
