/**
 * Who may do what: the desk, operators (each bound to one operator), auditors and administrators,
 * authenticated by configured users (HTTP Basic) or by the authority's identity provider (JWT).
 */
package dk.greatercph.ope.platform.security;
