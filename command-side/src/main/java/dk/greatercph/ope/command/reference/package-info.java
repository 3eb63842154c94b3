/** Reference data: partners (possible hosts, a hospital flag for R3) and venues, with a directory lookup. */
package dk.greatercph.ope.command.reference;
