package dk.greatercph.ope.platform.support;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Endpoints that fail and succeed the ways the application's do, so that the platform can be tested alone. */
@RestController
@RequestMapping(path = "/api/platform-test", produces = MediaType.APPLICATION_JSON_VALUE)
public class TestEndpoints {

    /** How often each ticket's request was carried out, by the ticket's name. */
    public static final Map<String, AtomicInteger> CARRIED_OUT = new ConcurrentHashMap<>();

    public record Ticket(@NotBlank @Size(max = 500) String name, String note) {
    }

    public record Booked(String id, String name, int times) {
    }

    /** A path segment that is a ticket number: digits only, or 404 TICKET_NOT_FOUND while it is bound. */
    public record TicketNumber(long value) {

        public static TicketNumber fromPath(String text) {
            if (!text.matches("[0-9]{1,18}")) {
                throw new DomainProblem("TICKET_NOT_FOUND", ProblemKind.NOT_FOUND, "No ticket " + text + ".");
            }
            return new TicketNumber(Long.parseLong(text));
        }
    }

    @PostMapping(path = "/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Booked> book(@Valid @RequestBody Ticket ticket) {
        int times = CARRIED_OUT.computeIfAbsent(ticket.name(), name -> new AtomicInteger()).incrementAndGet();
        String id = "TCK-" + UUID.randomUUID();
        return ResponseEntity.created(URI.create("/api/platform-test/tickets/" + id)).eTag("\"0\"")
                .body(new Booked(id, ticket.name(), times));
    }

    @GetMapping("/tickets/{number}")
    Map<String, Long> ticket(@PathVariable TicketNumber number) {
        return Map.of("number", number.value());
    }

    @GetMapping("/refusals/{kind}")
    void refuse(@PathVariable ProblemKind kind, @RequestParam(defaultValue = "false") boolean remote) {
        DomainProblem problem = new DomainProblem("TEST_" + kind, kind, "Refused as " + kind + ".");
        if (remote) {
            throw new CommandExecutionException("Refused remotely.", null, problem.details());
        }
        throw problem;
    }

    @GetMapping("/wrapped-refusal")
    void wrappedRefusal() {
        throw new CommandExecutionException("Refused in this process.",
                new DomainProblem("TEST_WRAPPED", ProblemKind.CONFLICT, "Wrapped without details."));
    }

    @GetMapping("/stale")
    void stale() {
        throw new ConflictingAggregateVersionException("TST-1", 1, 2);
    }

    @GetMapping("/missing")
    void missing() {
        throw new AggregateNotFoundException("TST-1", "no such aggregate");
    }

    @GetMapping("/failure")
    void failure() {
        throw new IllegalStateException("internal detail that must not leak: jdbc:postgresql://secret");
    }

    /** Spring's own 500: an answer that cannot be written. */
    @GetMapping("/unwritable")
    void unwritable() {
        throw new HttpMessageNotWritableException("internal detail that must not leak: secret");
    }

    @GetMapping("/number")
    Map<String, Integer> number(@RequestParam int value) {
        return Map.of("value", value);
    }
}
