/** Infrastructure that the command side and the query side share, wired by auto-configuration. */
package dk.greatercph.ope.platform;
