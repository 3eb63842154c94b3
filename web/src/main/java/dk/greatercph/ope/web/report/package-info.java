/** The committee's annual report as a page, and its CSV and spreadsheet to download. */
package dk.greatercph.ope.web.report;
