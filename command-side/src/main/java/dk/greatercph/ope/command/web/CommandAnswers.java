package dk.greatercph.ope.command.web;

import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.platform.idempotency.RecordedResource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * Sends a command and answers it the one way every command endpoint does: the resource's new version in the
 * body and as {@code ETag: "3"}, 201 with {@code Location} for what the command created, and a refusal that was
 * recorded as an event thrown as the problem the client receives. What a command creates is named before it is sent
 * ({@link RecordedResource}), so that a retry with the same Idempotency-Key whose answer was lost learns where it is.
 */
@Component
public class CommandAnswers {

    private final CommandGateway commandGateway;

    CommandAnswers(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends a command to an existing aggregate; its new version, or its recorded refusal thrown. */
    public long send(Object command) {
        CommandResult result = commandGateway.sendAndWait(command);
        return result.versionOrThrow();
    }

    /**
     * 200 for a command that changed resource {@code id}; 404 with the code of {@code id}'s kind ({@link UnknownIds})
     * when no resource has it.
     */
    public ResponseEntity<CommandAccepted> ok(Object id, Object command) {
        long version;
        try {
            version = send(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // another kind's id (a partner's sent as a venue's) names no resource of this kind either
            throw UnknownIds.problem(id.getClass(), id.toString());
        }
        return ResponseEntity.ok().eTag(etag(version)).body(new CommandAccepted(id.toString(), version));
    }

    /** 201 for a command that added part {@code id} at {@code location} to an existing aggregate. */
    public ResponseEntity<CommandAccepted> created(String location, String id, Object command) {
        RecordedResource.at(location);
        return created(location, id, send(command));
    }

    /** 201 for a command that created aggregate {@code id} at {@code location}: its first version, 0. */
    public ResponseEntity<CommandAccepted> registered(String location, Object id, Object command) {
        RecordedResource.at(location);
        commandGateway.sendAndWait(command);
        return created(location, id.toString(), 0);
    }

    /** 201 with another body, for an endpoint whose answer says more than the id and version. */
    public static <T> ResponseEntity<T> created(String location, long version, T body) {
        return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
    }

    private static ResponseEntity<CommandAccepted> created(String location, String id, long version) {
        return created(location, version, new CommandAccepted(id, version));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
