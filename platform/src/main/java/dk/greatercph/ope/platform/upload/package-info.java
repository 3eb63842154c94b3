/** Uploaded files while the application works on them: one folder per running application, none left by a dead one. */
package dk.greatercph.ope.platform.upload;
