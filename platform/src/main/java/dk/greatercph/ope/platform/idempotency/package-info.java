/** Idempotency-Key on POST, PUT and DELETE: a retried request with the same key and body gets the first answer again. */
package dk.greatercph.ope.platform.idempotency;
