/** The KPI dashboard: targets against actuals per operator and the Chinese delegations, as server-drawn charts. */
package dk.greatercph.ope.web.kpi;
