/** The import of the desk's earlier records: CSV files of registrations, a dry run first, then ordinary commands. */
package dk.greatercph.ope.command.imports;
