/** A data subject's page: what is held about the person (right of access) and the erasure of it (R9). */
package dk.greatercph.ope.web.person;
