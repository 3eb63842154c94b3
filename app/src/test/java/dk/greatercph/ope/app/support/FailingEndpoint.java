package dk.greatercph.ope.app.support;

import dk.greatercph.ope.command.reference.RegisterVenueCommand;
import dk.greatercph.ope.command.web.CommandAnswers;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that fails unexpectedly, to show what a 500 looks like to a client; not part of the API's document. */
@Hidden
@RestController
public class FailingEndpoint {

    private final CommandAnswers commands;

    public FailingEndpoint(CommandAnswers commands) {
        this.commands = commands;
    }

    @GetMapping("/api/test/unexpected-failure")
    String fail() {
        throw new IllegalStateException("secret internal detail that must not leak");
    }

    /**
     * Registers a venue named {@code name}, then loses the answer as a broken connection would after the commit:
     * 503, although the venue is recorded.
     */
    @PostMapping("/api/test/recorded-then-unavailable")
    String recordedThenUnavailable(@RequestParam String name) {
        VenueId id = VenueId.newId();
        commands.registered("/api/venues/" + id, id, new RegisterVenueCommand(id, name, null, 10, VenueKind.OTHER));
        throw new DataAccessResourceFailureException("the connection broke after the commit");
    }

    /** Records nothing and answers 503, as a request whose database went away before its command did. */
    @PostMapping("/api/test/unavailable")
    String unavailable() {
        throw new DataAccessResourceFailureException("the database went away before anything was recorded");
    }
}
