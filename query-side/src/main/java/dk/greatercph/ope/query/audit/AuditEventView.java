package dk.greatercph.ope.query.audit;

import dk.greatercph.ope.platform.eventstore.StoredEvent;
import dk.greatercph.ope.platform.privacy.PersonalData;
import dk.greatercph.ope.platform.privacy.ParticipantUpcaster;
import dk.greatercph.ope.platform.privacy.TripLeaderUpcaster;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/** One stored event as an auditor reads it: identity, position, payload and metadata. */
@Schema(name = "AuditEvent")
public record AuditEventView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "42",
                description = "Position in the global, ordered event log")
        long position,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "9b2f6c1e-0c1d-4a8e-9a53-3f7f1b0f2d11")
        String eventId,
        @Schema(example = "Delegation") String aggregateType,
        @Schema(example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21") String aggregateId,
        @Schema(example = "0") Long sequenceNumber,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "DelegationRegisteredEvent") String eventType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                example = "dk.greatercph.ope.events.delegation.DelegationRegisteredEvent") String payloadType,
        @Schema(example = "1") String payloadRevision,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") Instant timestamp,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The event's payload as stored, sealed personal fields opened (\"[erased]\" after erasure)")
        JsonNode payload,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Who, why and in answer to what: actor, role, correlation and causation ids")
        JsonNode metaData) {

    private static final Logger LOG = LoggerFactory.getLogger(AuditEventView.class);

    /**
     * The event as an auditor reads it; one whose payload or metadata cannot be read or opened is still listed,
     * with its identity and {@code {"unreadable": "<why>"}} as payload, and a warning is logged: one bad event
     * never takes a page or an export down.
     */
    static AuditEventView readable(StoredEvent event, JsonMapper json, PersonalData personalData) {
        try {
            return of(event, json, personalData);
        } catch (RuntimeException e) {
            LOG.warn("Event {} at position {} cannot be read for the audit log; listed as unreadable ({})",
                    event.eventIdentifier(), event.globalIndex(), e.toString());
            boolean domainEvent = event.isDomainEvent();
            String payloadType = event.payloadType();
            Instant at;
            try {
                at = Instant.parse(event.timeStamp());
            } catch (RuntimeException unparsable) {
                at = null;
            }
            return new AuditEventView(event.globalIndex(), event.eventIdentifier(),
                    domainEvent ? event.type() : null, domainEvent ? event.aggregateIdentifier() : null,
                    domainEvent ? event.sequenceNumber() : null,
                    payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType, event.payloadRevision(),
                    at, json.createObjectNode().put("unreadable", e.getClass().getSimpleName()),
                    json.createObjectNode());
        }
    }

    static AuditEventView of(StoredEvent event, JsonMapper json, PersonalData personalData) {
        String payloadType = event.payloadType();
        boolean domainEvent = event.isDomainEvent();
        return new AuditEventView(
                event.globalIndex(),
                event.eventIdentifier(),
                domainEvent ? event.type() : null,
                domainEvent ? event.aggregateIdentifier() : null,
                domainEvent ? event.sequenceNumber() : null,
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                payloadType,
                event.payloadRevision(),
                event.instant(),
                payload(event, json, personalData),
                metaData(event, json));
    }

    /** The payload as stored, sealed personal fields opened; read as a tree only when there may be one to open. */
    private static JsonNode payload(StoredEvent event, JsonMapper json, PersonalData personalData) {
        String payloadType = event.payloadType();
        String revision = event.payloadRevision();
        if (!ParticipantUpcaster.opensRevision1(payloadType, revision)
                && !TripLeaderUpcaster.opensRevision1(payloadType, revision)
                && event.payload() != null && !StoredJson.maySeal(event.payload())) {
            JsonNode verbatim = StoredJson.verbatim(event.payload(), json);
            if (verbatim != null) {
                return verbatim;
            }
        }
        return personalData.openAll(TripLeaderUpcaster.openRevision1(payloadType, revision,
                ParticipantUpcaster.openRevision1(payloadType, revision, tree(event.payload(), json), personalData),
                personalData));
    }

    private static JsonNode metaData(StoredEvent event, JsonMapper json) {
        JsonNode verbatim = StoredJson.verbatim(event.metaData(), json);
        return verbatim != null ? verbatim : tree(event.metaData(), json);
    }

    private static JsonNode tree(byte[] bytes, JsonMapper json) {
        return bytes == null ? json.createObjectNode() : json.readTree(bytes);
    }
}
