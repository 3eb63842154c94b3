/** One delegation's page: its facts, members, history and the lifecycle actions; and its programme editor. */
package dk.greatercph.ope.web.delegation;
