/** The administrator's pages: projections with their lag and replays, and the dead letters with retry and evict. */
package dk.greatercph.ope.web.admin;
