/** The auditor's pages: the event log, one aggregate's timeline with its state as of any moment, the chain's checks and the export. */
package dk.greatercph.ope.web.audit;
