package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients are written from the OpenAPI document, so it must describe the API exactly. */
@OpeIntegrationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void describesEveryPathWithRequiredFieldsEnumsAndFormats() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();

        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/delegations")).isTrue();
        assertThat(paths.get("/api/delegations").has("post")).isTrue();
        assertThat(paths.get("/api/delegations").has("get")).isTrue();
        assertThat(paths.has("/api/delegations/{id}")).isTrue();
        assertThat(paths.has("/api/audit/events")).isTrue();
        assertThat(paths.get("/api/audit/events").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString()))
                .contains("from", "to", "aggregateType", "aggregateId", "type", "actor", "after", "limit");
        assertThat(paths.has("/api/audit/{aggregateType}/{id}/timeline")).isTrue();
        assertThat(paths.has("/api/audit/{aggregateType}/{id}/state")).isTrue();
        assertThat(paths.has("/api/audit/verify")).isTrue();
        assertThat(paths.has("/api/audit/checkpoint")).isTrue();
        assertThat(paths.get("/api/audit/checkpoint/verification").has("post")).isTrue();
        assertThat(paths.get("/api/audit/export").get("get").get("responses").get("200").get("content")
                .has("application/x-ndjson")).isTrue();
        assertThat(paths.get("/api/audit/personal-data-reads").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).containsExactlyInAnyOrder("person", "actor", "from", "limit", "after");
        // the amount the server takes: above zero, at most 12 digits and 2 decimals (0 was documented as valid)
        JsonNode amount = doc.get("components").get("schemas").get("CostCoverageRequest").get("properties").get("amount");
        assertThat(amount.path("exclusiveMinimum").isNumber()).as(amount.toString()).isTrue();
        assertThat(amount.get("exclusiveMinimum").decimalValue()).isZero();
        assertThat(amount.has("minimum")).as(amount.toString()).isFalse();
        assertThat(amount.get("maximum").decimalValue()).isEqualByComparingTo("999999999999.999");
        for (String list : List.of("/api/venues", "/api/partners", "/api/operators", "/api/trips",
                "/api/audit/personal-data-reads")) {
            JsonNode get = paths.get(list).get("get");
            assertThat(get.get("parameters").valueStream().map(p -> p.get("name").asString())).as(list)
                    .contains("limit", "after");
            assertThat(get.get("parameters").valueStream().filter(p -> p.get("name").asString().equals("limit"))
                    .findFirst().orElseThrow().get("schema").has("maximum")).as(list).isTrue();
            assertThat(get.get("responses").get("200").get("headers").get("Link").get("schema").get("example")
                    .asString()).as(list).startsWith("<" + list + "?").endsWith("; rel=\"next\"");
        }
        assertThat(paths.has("/api/admin/projections")).isTrue();
        assertThat(paths.get("/api/admin/projections/{name}/replay").has("post")).isTrue();
        assertThat(paths.get("/api/admin/projections/{name}/replay").get("post").get("responses").propertyNames())
                .as("it answers 202, which the document did not say").contains("202").doesNotContain("200");
        assertThat(paths.get("/api/admin/lookups/rebuild").has("post")).isTrue();
        assertThat(doc.get("components").get("schemas").get("LookupRebuild").get("properties").propertyNames())
                .contains("eventsRead", "headPosition", "tables");

        JsonNode register = doc.get("components").get("schemas").get("RegisterDelegationRequest");
        assertThat(register.get("required").valueStream().map(JsonNode::asString))
                .contains("channel", "requestingOrganisation", "delegationType", "headCount", "wishedFrom",
                        "wishedTo", "themes");
        assertThat(register.get("properties").get("wishedFrom").get("format").asString()).isEqualTo("date");
        assertThat(register.get("properties").get("channel").get("enum").valueStream().map(JsonNode::asString))
                .contains("EMBASSY", "JIANGSU_FOREIGN_AFFAIRS_OFFICE");
        assertThat(register.get("properties").get("headCount").get("example").asInt()).isEqualTo(12);

        JsonNode checkpoint = doc.get("components").get("schemas").get("AuditCheckpoint");
        assertThat(checkpoint.get("required").valueStream().map(JsonNode::asString))
                .contains("position", "chainHead", "issuedAt", "algorithm", "publicKey", "signature");
        assertThat(checkpoint.get("properties").get("issuedAt").get("format").asString()).isEqualTo("date-time");
        JsonNode state = doc.get("components").get("schemas").get("AggregateState");
        assertThat(state.get("required").valueStream().map(JsonNode::asString))
                .contains("aggregateType", "aggregateId", "version", "asOf", "state");
    }

    /**
     * The document names the product and tags and describes every operation, each tag declared with its own
     * description. It is also written to {@code target/openapi.json}, where CI lints it with Spectral
     * ({@code .spectral.yaml}).
     */
    @Test
    void namesTheProductAndTagsAndDescribesEveryOperation() throws IOException {
        Api.Response response = new Api(port).get("/v3/api-docs");
        Files.writeString(Path.of("target", "openapi.json"), response.body());

        namesTheProductAndTagsAndDescribesEveryOperation(response.json());
    }

    /** What every served document must say, also each side's alone ({@link SplitModeTest}). */
    static void namesTheProductAndTagsAndDescribesEveryOperation(JsonNode doc) {
        JsonNode info = doc.get("info");
        assertThat(info.get("title").asString()).isEqualTo("One-Point-Entry");
        assertThat(info.get("version").asString()).as("the build's version").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("description").asString()).contains("delegations");
        assertThat(info.get("contact").get("name").asString()).isNotBlank();
        List<String> declared = doc.get("tags").valueStream().map(tag -> tag.get("name").asString()).toList();
        assertThat(declared).as("top-level tags, once each, by name").doesNotHaveDuplicates().isSorted();
        assertThat(doc.get("tags").valueStream()).allSatisfy(tag ->
                assertThat(tag.path("description").asString()).as("description of tag %s", tag.get("name")).isNotBlank());
        List<String> untagged = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch");
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!methods.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode tags = operation.getValue().path("tags");
            if (tags.isEmpty() || !tags.valueStream().allMatch(tag -> declared.contains(tag.asString()))) {
                untagged.add(name);
            }
            if (operation.getValue().path("description").asString("").isBlank()) {
                undescribed.add(name);
            }
        }));
        assertThat(untagged).as("operations without a declared tag").isEmpty();
        assertThat(undescribed).as("operations without a description").isEmpty();
    }

    @Test
    void describesTheCsvImportWithItsHeaderExampleAndProgress() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();

        JsonNode post = doc.get("paths").get("/api/imports").get("post");
        assertThat(post.get("parameters").valueStream().map(p -> p.get("name").asString())).contains("dryRun");
        JsonNode csv = post.get("requestBody").get("content").get("text/csv");
        assertThat(csv.get("examples").valueStream().findFirst().orElseThrow().get("value").asString())
                .startsWith("country,dateReceived,channel,requestingOrganisation,originProvince,originCity,"
                        + "delegationType,politicalLevel,headCount,wishedFrom,wishedTo,themes,purpose,businessOpportunity\n");
        assertThat(post.get("responses").propertyNames()).contains("200", "202", "400", "413");
        assertThat(doc.get("paths").get("/api/imports/{id}").has("get")).isTrue();
        JsonNode run = doc.get("components").get("schemas").get("Import");
        assertThat(run.get("properties").propertyNames())
                .contains("fileSha256", "dryRun", "state", "linesTotal", "linesRead", "recorded", "alreadyRecorded",
                        "refused", "lines");
        assertThat(run.get("properties").get("state").get("enum").valueStream().map(JsonNode::asString))
                .containsExactly("RUNNING", "DONE", "FAILED", "INTERRUPTED");
        assertThat(doc.get("components").get("schemas").get("ImportLine").get("properties").propertyNames())
                .contains("line", "outcome", "delegationId", "code", "errors");
    }

    @Test
    void describesTheQueryViewsWithTheirEnumsFormatsAndParameters() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");

        assertThat(paths.propertyNames()).contains("/api/operators/{id}/inbox", "/api/operators/{id}/inbox/stream",
                "/api/schedule", "/api/schedule/conflicts", "/api/schedule.ics", "/api/kpis");
        assertThat(paths.get("/api/delegations").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("status", "operator", "theme", "from", "to", "q");
        assertThat(paths.get("/api/delegations/{id}").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("minVersion");
        JsonNode detail = schemas.get("DelegationDetail");
        assertThat(detail.get("required").valueStream().map(JsonNode::asString))
                .contains("programme", "assignments", "scopeRequests", "refusals", "status", "version");
        assertThat(schemas.get("Assignment").get("properties").get("state").get("enum").valueStream()
                .map(JsonNode::asString)).contains("OFFERED", "ESCALATED", "WITHDRAWN");
        assertThat(schemas.get("ProgrammeItem").get("properties").get("startsAt").get("format").asString())
                .isEqualTo("date-time");
        assertThat(schemas.get("ScheduleEntry").get("properties").get("status").get("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("TENTATIVE", "CONFIRMED", "CANCELLED");
        assertThat(paths.get("/api/schedule.ics").get("get").get("responses").get("200").get("content")
                .propertyNames()).contains("text/calendar");
        assertThat(schemas.get("KpiReport").get("required").valueStream().map(JsonNode::asString))
                .contains("year", "operators", "desk");
        assertThat(schemas.get("KpiActuals").get("required").valueStream().map(JsonNode::asString))
                .contains("companiesAttracted", "jobsCreated", "tourists");
        assertThat(schemas.get("CompleteDelegationRequest").get("properties").propertyNames())
                .contains("companiesEstablished", "jobsCreated", "tourists", "overnightStays");
        assertThat(schemas.get("CompleteDelegationRequest").get("properties").get("jobsCreated").get("minimum").asInt())
                .isZero();
        assertThat(schemas.get("Outcome").get("required").valueStream().map(JsonNode::asString))
                .as("a figure not reported is absent").contains("investmentLeads")
                .doesNotContain("companiesEstablished", "jobsCreated", "tourists", "overnightStays");
        assertThat(schemas.get("Outcome").get("properties").propertyNames())
                .contains("companiesEstablished", "jobsCreated", "tourists", "overnightStays");
        JsonNode supporting = doc.get("paths").get("/api/delegations/{id}/supporting-outcomes/{operatorId}").get("put");
        assertThat(supporting.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString()).endsWith("/ReportSupportingOutcomeRequest");
        assertThat(schemas.get("ReportSupportingOutcomeRequest").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("summary", "investmentLeads");
        assertThat(schemas.get("ReportSupportingOutcomeRequest").get("properties").propertyNames())
                .doesNotContain("followUps");
        assertThat(schemas.get("DelegationDetail").get("required").valueStream().map(JsonNode::asString))
                .contains("supportingOutcomes");
        assertThat(schemas.get("SupportingOutcomeReport").get("required").valueStream().map(JsonNode::asString))
                .contains("operatorId", "summary", "investmentLeads", "companies", "mous", "reportedAt")
                .doesNotContain("jobsCreated", "operatorName");
        assertThat(schemas.get("SupportingOutcomeReport").get("properties").get("reportedAt").get("format").asString())
                .isEqualTo("date-time");
    }

    @Test
    void describesTheBoardsOriginFiltersTheEscalationListAndTripsInTheSchedule() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");

        assertThat(paths.get("/api/delegations").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString()))
                .contains("country", "sector", "type", "receivedFrom", "receivedTo", "assignmentState");
        JsonNode delegation = schemas.get("Delegation");
        assertThat(delegation.get("required").valueStream().map(JsonNode::asString))
                .contains("country", "dateReceived", "sector").doesNotContain("originProvince", "originCity");
        assertThat(delegation.get("properties").get("dateReceived").get("format").asString()).isEqualTo("date");

        JsonNode escalations = paths.get("/api/escalations").get("get");
        assertThat(escalations.get("tags").get(0).asString()).isEqualTo("Escalations");
        assertThat(escalations.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("limit", "after");
        assertThat(doc.get("tags").valueStream().map(t -> t.get("name").asString())).contains("Escalations");
        assertThat(schemas.get("Escalation").get("required").valueStream().map(JsonNode::asString))
                .contains("delegation", "operatorId", "role", "state", "offeredAt", "dueAt", "overdueFor",
                        "overdueMinutes", "nextStep").doesNotContain("escalatedAt");
        assertThat(schemas.get("Escalation").get("properties").get("dueAt").get("format").asString())
                .isEqualTo("date-time");
        assertThat(schemas.get("EscalationNextStep").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("text", "method", "path");
        assertThat(schemas.get("EscalationPage").get("required").valueStream().map(JsonNode::asString))
                .containsExactly("items");

        JsonNode schedule = paths.get("/api/schedule").get("get");
        assertThat(schedule.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("from", "to", "operator", "venue", "host", "limit", "after");
        JsonNode pageSize = schedule.get("parameters").valueStream()
                .filter(p -> p.get("name").asString().equals("limit")).findFirst().orElseThrow().get("schema");
        assertThat(pageSize.get("type").asString()).isEqualTo("integer");
        assertThat(pageSize.get("minimum").asInt()).isEqualTo(1);
        assertThat(pageSize.get("maximum").asInt()).isEqualTo(500);
        JsonNode link = schedule.get("responses").get("200").get("headers").get("Link");
        assertThat(link.get("schema").get("type").asString()).isEqualTo("string");
        assertThat(link.get("schema").get("example").asString()).startsWith("</api/schedule?").endsWith("; rel=\"next\"");
        assertThat(schedule.get("responses").get("200").get("content").get("application/json").get("schema")
                .get("items").get("$ref").asString()).isEqualTo("#/components/schemas/ScheduleEntry");

        assertThat(schemas.get("ScheduleEntry").get("properties").get("type").get("enum").valueStream()
                .map(JsonNode::asString)).contains("TRIP_ITEM");
        assertThat(schemas.get("ScheduleEntry").get("properties").propertyNames()).contains("tripId", "city", "timeZone");
        assertThat(schemas.get("TripItineraryItem").get("required").valueStream().map(JsonNode::asString))
                .contains("timeZone", "startsAt");
        assertThat(schemas.get("AddItineraryItemRequest").get("properties").propertyNames()).contains("timeZone");
        assertThat(schemas.get("AddItineraryItemRequest").get("required").valueStream().map(JsonNode::asString))
                .doesNotContain("timeZone");
        assertThat(paths.get("/api/trips/{id}").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("minVersion");
        assertThat(paths.get("/api/trips/{id}").get("get").get("responses").propertyNames()).contains("409");
    }

    /** Every creating POST answers 201 with Location and ETag, as API.md says; the document described a 200. */
    @Test
    void everyCreatingEndpointIsDocumentedAs201WithLocationAndETag() {
        JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");
        for (String path : java.util.List.of("/api/delegations", "/api/venues", "/api/partners", "/api/operators",
                "/api/trips", "/api/trips/{id}/participants", "/api/trips/{id}/itinerary-items",
                "/api/delegations/{id}/scope-expansions", "/api/delegations/{id}/programme-items",
                "/api/delegations/{id}/members", "/api/notification-settings/{owner}/recipients",
                "/api/notification-settings/{owner}/webhooks")) {
            JsonNode responses = paths.get(path).get("post").get("responses");
            assertThat(responses.propertyNames()).as(path).contains("201").doesNotContain("200");
            assertThat(responses.get("201").get("headers").propertyNames()).as(path).contains("Location", "ETag");
            assertThat(responses.get("201").has("content")).as(path).isTrue();
        }
    }

    @Test
    void describesTheNotificationSettingsAndTheOutbox() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");

        assertThat(paths.get("/api/notification-settings/{owner}").propertyNames()).containsExactly("get");
        assertThat(paths.get("/api/notification-settings/{owner}/recipients").propertyNames()).containsExactly("post");
        assertThat(paths.get("/api/notification-settings/{owner}/recipients/{recipientId}").propertyNames())
                .containsExactlyInAnyOrder("get", "delete");
        assertThat(paths.get("/api/notification-settings/{owner}/webhooks").propertyNames()).containsExactly("post");
        assertThat(paths.get("/api/notification-settings/{owner}/webhooks/{webhookId}").propertyNames())
                .containsExactlyInAnyOrder("get", "delete");
        // each Location a 201 answers is a readable resource
        for (String created : List.of("/api/delegations/{id}/members/{memberId}",
                "/api/delegations/{id}/programme-items/{itemId}", "/api/delegations/{id}/scope-expansions/{requestId}",
                "/api/trips/{id}/participants/{participantId}", "/api/trips/{id}/itinerary-items/{itemId}")) {
            assertThat(paths.get(created).has("get")).as(created).isTrue();
            assertThat(paths.get(created).get("get").get("responses").propertyNames()).as(created)
                    .contains("200", "404");
        }
        assertThat(paths.get("/api/notification-settings/{owner}/webhooks/{webhookId}/secret-rotation").propertyNames())
                .containsExactly("post");
        assertThat(paths.get("/api/notification-settings/{owner}/webhooks").get("post").get("responses").propertyNames())
                .contains("201", "400", "404");
        assertThat(paths.get("/api/admin/notifications").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("status", "owner", "delegation", "channel", "limit", "offset");
        assertThat(paths.get("/api/admin/notifications/{id}").propertyNames()).containsExactly("get");
        assertThat(paths.get("/api/admin/notifications/{id}/retry").propertyNames()).containsExactly("post");
        assertThat(paths.get("/api/admin/notifications/{id}/retry").get("post").get("responses").propertyNames())
                .contains("200", "404", "409");

        assertThat(schemas.get("AddNotificationRecipientRequest").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("address", "language");
        assertThat(schemas.get("AddNotificationRecipientRequest").get("properties").get("language").get("enum")
                .valueStream().map(JsonNode::asString)).containsExactly("da", "en");
        assertThat(schemas.get("SubscribeWebhookRequest").get("required").valueStream().map(JsonNode::asString))
                .containsExactly("url");
        assertThat(schemas.get("WebhookSecretIssued").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("id", "secret", "secretVersion", "version");
        assertThat(schemas.get("WebhookSecretIssued").get("properties").get("previousValidUntil").get("format")
                .asString()).isEqualTo("date-time");
        assertThat(schemas.get("NotificationSettings").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("owner", "recipients", "webhooks");
        assertThat(schemas.get("NotificationWebhook").get("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "url", "secretVersion");
        assertThat(schemas.get("Notification").get("properties").get("status").get("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("PENDING", "SENT", "HELD", "FAILED", "EVICTED", "DROPPED");
        assertThat(schemas.get("Notification").get("properties").get("channel").get("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("EMAIL", "WEBHOOK");
        assertThat(schemas.get("NotificationPage").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("items", "total");
        assertThat(schemas.get("NotificationDetail").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("notification", "attachments");
    }

    @Test
    void describesTheAnnualReportInItsThreeRepresentations() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode annual = doc.get("paths").get("/api/reports/annual/{year}").get("get");
        JsonNode schemas = doc.get("components").get("schemas");

        assertThat(annual.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .containsExactlyInAnyOrder("year", "format");
        assertThat(annual.get("responses").get("200").get("content").propertyNames()).containsExactlyInAnyOrder(
                "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(annual.get("responses").get("200").get("content").get("application/json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/AnnualReport");
        assertThat(schemas.get("AnnualReport").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("year", "delegations", "china", "outcomes", "notRealised", "operators");
        assertThat(schemas.get("AnnualReportChina").get("required").valueStream().map(JsonNode::asString))
                .contains("jiangsu", "restOfChina", "byProvince");
        assertThat(schemas.get("AnnualReportNotRealisedDelegation").get("properties").get("status").get("enum")
                .valueStream().map(JsonNode::asString)).containsExactly("DECLINED", "CANCELLED", "WITHDRAWN");
        assertThat(schemas.get("AnnualReportPoliticalTrip").get("properties").get("startDate").get("format")
                .asString()).isEqualTo("date");
    }

    @Test
    void describesTheDesksWithdrawalAndWhatR3AndTheKpisShowOfIt() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");

        JsonNode withdrawal = doc.get("paths").get("/api/delegations/{id}/withdrawal").get("post");
        assertThat(withdrawal.get("tags").valueStream().map(JsonNode::asString)).containsExactly("Delegations (commands)");
        assertThat(withdrawal.get("description").asString()).contains("DESK", "DELEGATION_CLOSED");
        assertThat(withdrawal.get("parameters").valueStream().map(p -> p.get("name").asString())).contains("If-Match");
        assertThat(withdrawal.get("requestBody").get("content").get("application/json").get("schema").get("$ref")
                .asString()).isEqualTo("#/components/schemas/ReasonRequest");
        assertThat(schemas.get("Delegation").get("properties").get("status").get("enum").valueStream()
                .map(JsonNode::asString)).contains("CANCELLED", "WITHDRAWN");
        assertThat(schemas.get("ProgrammeItem").get("required").valueStream().map(JsonNode::asString))
                .contains("hostIsHospital", "venueIsHospital", "needsCostCoverage");
        assertThat(schemas.get("KpiDesk").get("required").valueStream().map(JsonNode::asString)).contains("notRealised");
    }

    @Test
    void describesTheDeadLetterAdministration() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");

        assertThat(paths.get("/api/admin/dead-letters").get("get").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).containsExactlyInAnyOrder("projection", "limit", "offset");
        assertThat(paths.get("/api/admin/dead-letters/{id}").propertyNames()).contains("get", "delete");
        assertThat(paths.get("/api/admin/dead-letters/{id}").get("delete").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).contains("id", "reason");
        assertThat(paths.get("/api/admin/dead-letters/{id}/retry").has("post")).isTrue();
        assertThat(paths.get("/api/admin/dead-letters/retry").get("post").get("parameters").valueStream()
                .map(p -> p.get("name").asString())).containsExactly("projection");
        assertThat(schemas.get("DeadLetter").get("required").valueStream().map(JsonNode::asString))
                .contains("id", "projection", "sequence", "eventId", "eventType", "enqueuedAt");
        assertThat(schemas.get("DeadLetter").get("properties").get("enqueuedAt").get("format").asString())
                .isEqualTo("date-time");
        assertThat(schemas.get("DeadLetterCause").get("required").valueStream().map(JsonNode::asString))
                .contains("type");
        assertThat(schemas.get("DeadLetterDetail").get("required").valueStream().map(JsonNode::asString))
                .contains("letter", "payload");
        assertThat(schemas.get("DeadLetterPage").get("required").valueStream().map(JsonNode::asString))
                .contains("items", "total");
        assertThat(schemas.get("DeadLetterRetry").get("required").valueStream().map(JsonNode::asString))
                .contains("projection", "sequencesRetried", "sequencesCompleted", "remaining");
        assertThat(schemas.get("ProjectionStatus").get("required").valueStream().map(JsonNode::asString))
                .contains("deadLetters");
    }

    @Test
    void describesTheVenueAndPartnerListsThePickersOffer() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");

        for (String path : List.of("/api/venues", "/api/partners")) {
            JsonNode get = paths.get(path).get("get");
            assertThat(get.get("tags").valueStream().map(JsonNode::asString)).containsExactly("Partners and venues (queries)");
            assertThat(get.get("description").asString()).contains("OPERATOR", "R3");
            assertThat(get.get("responses").get("200").get("content").get("application/json").get("schema")
                    .get("type").asString()).isEqualTo("array");
        }
        assertThat(paths.get("/api/venues").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/Venue");
        assertThat(paths.get("/api/partners").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/Partner");
        assertThat(schemas.get("Venue").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("id", "name", "capacity", "hospital", "version");
        assertThat(schemas.get("Venue").get("properties").get("kind").get("enum").valueStream()
                .filter(value -> !value.isNull()).map(JsonNode::asString))
                .containsExactlyInAnyOrder("HOSPITAL", "MUNICIPALITY", "COMPANY", "UNIVERSITY", "OTHER");
        assertThat(schemas.get("Venue").get("properties").get("capacity").get("minimum").asInt()).isEqualTo(1);
        assertThat(schemas.get("Partner").get("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("id", "name", "kind", "hospital", "version");
        assertThat(schemas.get("Partner").get("properties").get("kind").get("enum").valueStream().map(JsonNode::asString))
                .contains("HOSPITAL", "COMPANY");
        assertThat(schemas.get("Partner").get("properties").get("id").get("example").asString()).startsWith("PRT-");
    }

    /** Every error an operation documents by its status is a problem, as the server answers it, never a success body. */
    @Test
    void everyDocumentedErrorIsAProblem() {
        JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");
        List<String> errors = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errors.add(operation.getKey() + " " + path.getKey() + " " + response.getKey() + " "
                                + response.getValue().path("content").propertyNames() + " "
                                + response.getValue().path("content").path("application/problem+json").path("schema")
                                .path("$ref").asString(""));
                    }
                })));

        assertThat(errors).isNotEmpty().allSatisfy(error ->
                assertThat(error).endsWith("[application/problem+json] #/components/schemas/Problem"));
    }

    /** An optional property is written as null when absent, and the document says it may be. */
    @Test
    void optionalPropertiesMayBeNullAndRequiredOnesMayNot() {
        JsonNode schemas = new Api(port).get("/v3/api-docs").json().get("components").get("schemas");
        JsonNode delegation = schemas.get("Delegation").get("properties");

        assertThat(delegation.get("originCity").get("type").valueStream().map(JsonNode::asString))
                .containsExactly("string", "null");
        assertThat(delegation.get("leadOperator").get("type").valueStream().map(JsonNode::asString))
                .containsExactly("string", "null");
        assertThat(delegation.get("id").get("type").asString()).isEqualTo("string");
        JsonNode kind = schemas.get("Venue").get("properties").get("kind");
        assertThat(kind.get("enum").valueStream().anyMatch(JsonNode::isNull)).isTrue();
        JsonNode outcome = schemas.get("DelegationDetail").get("properties").get("outcome");
        assertThat(outcome.get("anyOf").get(0).get("$ref").asString()).isEqualTo("#/components/schemas/Outcome");
        assertThat(outcome.get("anyOf").get(1).get("type").asString()).isEqualTo("null");
        // what clients send keeps its types: an optional field is left out, not sent as null
        assertThat(schemas.get("RegisterDelegationRequest").get("properties").get("originCity").get("type").asString())
                .isEqualTo("string");
        assertThat(schemas.get("ProgrammeItemRequest").get("properties").get("hostId").get("type").asString())
                .isEqualTo("string");
    }

    @Test
    void listsEveryProblemCodeWithItsMeaningAndAnswersErrorsWithTheProblemSchema() {
        JsonNode doc = new Api(port).get("/v3/api-docs").json();
        JsonNode code = doc.get("components").get("schemas").get("Problem").get("properties").get("code");

        assertThat(code.get("enum").valueStream().map(JsonNode::asString))
                .doesNotHaveDuplicates()
                .isSorted()
                .contains("NOT_FOUND", "STALE_VERSION", "VALIDATION_FAILED", "UNKNOWN_FIELD", "DATABASE_UNAVAILABLE",
                        "UNAUTHENTICATED", "FORBIDDEN", "INVALID_IDEMPOTENCY_KEY", "PERSON_ERASED",
                        "REASON_REQUIRED", "NO_BUSINESS_FOCUS", "COST_COVERAGE_MISSING", "DOUBLE_BOOKING",
                        "ANNUAL_TRIP_EXISTS", "DUPLICATE_KPI", "INVALID_CAPACITY", "ALREADY_ERASED",
                        "AGGREGATE_NOT_FOUND", "LOOKUP_REBUILD_CONFLICT", "INVALID_IF_MATCH", "TRIP_NOT_FOUND",
                        "REPLAY_IN_PROGRESS", "PROJECTION_BEHIND", "INVALID_LAST_EVENT_ID", "DEAD_LETTER_NOT_FOUND");
        assertThat(code.get("description").asString())
                .contains("- `NO_BUSINESS_FOCUS` (422): ")
                .contains("- `DOUBLE_BOOKING` (409): ")
                .contains("- `INVALID_IF_MATCH` (400): ");
        assertThat(doc.get("paths").get("/api/delegations").get("post").get("responses").get("default")
                .get("content").get("application/problem+json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
    }
}
