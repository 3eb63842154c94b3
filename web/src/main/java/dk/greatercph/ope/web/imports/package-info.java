/** The history import: a CSV file's dry run, its report, the real run with its progress. */
package dk.greatercph.ope.web.imports;
