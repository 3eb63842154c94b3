/** The REST command API of data subjects' rights. */
package dk.greatercph.ope.command.person.web;
