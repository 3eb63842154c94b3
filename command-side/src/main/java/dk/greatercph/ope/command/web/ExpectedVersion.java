package dk.greatercph.ope.command.web;

import dk.greatercph.ope.platform.problem.DomainProblem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client expects a resource to be at, as its {@code If-Match} header names it; a command handler
 * method declares it as a parameter and gets it bound from the header. The header is read as it came and judged
 * where the command is built, so that a request wrong in its body as well is answered for its body first, as
 * before this type existed.
 */
public record ExpectedVersion(String ifMatch) {

    /**
     * An ETag as issued ({@code "3"}, weak or not) or its bare number: a version has no sign and no leading zero, and
     * fits a long. {@code "-1"}, {@code "+0"}, {@code "00"} and {@code "1"2"} were read as numbers before.
     */
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"|(0|[1-9][0-9]{0,17})");

    /**
     * The expected version, or null when the command is unconditional (no header, a blank one or {@code *});
     * 400 {@code INVALID_IF_MATCH} for anything that is not a version this service issued as an ETag.
     */
    public Long value() {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher version = VERSION.matcher(ifMatch.trim());
        if (!version.matches()) {
            throw DomainProblem.invalid(VersionProblem.INVALID_IF_MATCH, "If-Match",
                    "If-Match must be a version this service issued as an ETag, e.g. \"3\".");
        }
        return Long.parseLong(version.group(1) != null ? version.group(1) : version.group(2));
    }
}
