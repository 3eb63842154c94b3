/** Signing in to the pages: a form (or the identity provider's OpenID Connect sign-in) with a session and CSRF protection. */
package dk.greatercph.ope.web.security;
