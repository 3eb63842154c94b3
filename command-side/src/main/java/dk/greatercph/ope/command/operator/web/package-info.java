/** The REST command API of operators. */
package dk.greatercph.ope.command.operator.web;
