/** The pages' languages (Danish by default, English) and times shown in Copenhagen. */
package dk.greatercph.ope.web.i18n;
