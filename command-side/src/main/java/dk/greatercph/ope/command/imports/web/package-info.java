/**
 * The import of the desk's earlier records: CSV files read at the web edge like request bodies, each line the
 * registration command the API would send; a dry run first, runs followed as jobs.
 */
package dk.greatercph.ope.command.imports.web;
