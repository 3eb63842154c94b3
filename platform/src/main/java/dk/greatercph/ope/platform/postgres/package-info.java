/** The embedded default: a real PostgreSQL started by the application when no datasource is configured. */
package dk.greatercph.ope.platform.postgres;
