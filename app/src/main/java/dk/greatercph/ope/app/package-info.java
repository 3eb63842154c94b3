/** The embedded default: the command side and the query side in one process. */
package dk.greatercph.ope.app;
