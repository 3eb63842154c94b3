/** Sign-in and the landing page. */
package dk.greatercph.ope.web.home;
