/** Signing in to the pages: form login with a session and CSRF protection. */
package dk.greatercph.ope.web.security;
