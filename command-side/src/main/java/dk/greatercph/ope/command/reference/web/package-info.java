/** The REST command API of partners and venues. */
package dk.greatercph.ope.command.reference.web;
