/** Idempotency-Key on POST: a retried request with the same key and body gets the first answer again. */
package dk.greatercph.ope.platform.idempotency;
