/**
 * The pages people use, at {@code /}: server-rendered with Thymeleaf, made live with htmx and server-sent events.
 * A page reads and acts only through the REST API of the same process, dispatched inside the server under the
 * signed-in user ({@link dk.greatercph.ope.web.api.Api}), so it can show and do exactly what the API lets that
 * user: there is no second rule set.
 */
package dk.greatercph.ope.web;
