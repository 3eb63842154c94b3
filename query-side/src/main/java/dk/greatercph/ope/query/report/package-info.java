/** The annual report the Region's committee reads: per year of receipt, as JSON, CSV and a spreadsheet. */
package dk.greatercph.ope.query.report;
