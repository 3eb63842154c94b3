package dk.greatercph.ope.command.web;

import dk.greatercph.ope.platform.problem.DomainProblem;

/**
 * The version a client expects a resource to be at, as its {@code If-Match} header names it; a command handler
 * method declares it as a parameter and gets it bound from the header. The header is read as it came and judged
 * where the command is built, so that a request wrong in its body as well is answered for its body first, as
 * before this type existed.
 */
public record ExpectedVersion(String ifMatch) {

    /**
     * The expected version, or null when the command is unconditional (no header, a blank one or {@code *});
     * 400 {@code INVALID_IF_MATCH} for anything that is not a version this service issued as an ETag.
     */
    public Long value() {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DomainProblem(VersionProblem.INVALID_IF_MATCH,
                    "If-Match must be a version this service issued as an ETag, e.g. \"3\".");
        }
    }
}
