/** Crypto-shredding of personal data (R9): one AES-GCM data key per person, destroyed on erasure. */
package dk.greatercph.ope.platform.privacy;
