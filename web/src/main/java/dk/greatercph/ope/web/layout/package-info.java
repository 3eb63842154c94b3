/** The frame every page shares: menu, language switch, sign-out. */
package dk.greatercph.ope.web.layout;
