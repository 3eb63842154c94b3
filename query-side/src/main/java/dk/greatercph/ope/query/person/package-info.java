/** Data subjects: where a person appears, opened for the right of access, dropped on erasure (R9). */
package dk.greatercph.ope.query.person;
