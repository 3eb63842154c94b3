/** The pages' way to the REST API: dispatched inside the server, under the signed-in user. */
package dk.greatercph.ope.web.api;
