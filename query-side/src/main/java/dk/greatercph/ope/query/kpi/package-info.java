/** KPIs: each operator's agreed targets for a year beside the actuals its delegations produced, and desk-wide figures. */
package dk.greatercph.ope.query.kpi;
