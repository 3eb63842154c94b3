package dk.greatercph.ope.command.web;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** Aggregate versions on the wire: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class Versions {

    private Versions() {
    }

    /** The expected version from an If-Match header, or null when the command is unconditional. */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
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

    public static ResponseEntity<CommandAccepted> created(String location, String id, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(new CommandAccepted(id, version));
    }

    public static ResponseEntity<CommandAccepted> ok(String id, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(new CommandAccepted(id, version));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
