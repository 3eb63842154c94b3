/** Data subjects' rights on the command side: erasure of personal data by destroying the person's key (R9). */
package dk.greatercph.ope.command.person;
