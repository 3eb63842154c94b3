package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationRegisteredEvent;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dk.greatercph.ope.app.support.DelegationEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AxonFramework issue 4829: a streaming processor that reads an event older than the gap timeout records no
 * gap below it, so an event with a lower global index whose transaction commits later is never projected.
 * Here one append transaction stays open well past the gap timeout while other requests append, and the
 * projection's processor only starts reading after the gap timeout has passed. If the late append had drawn its
 * global index when it appended, the others would commit above it, be read as old events, and the late one would be
 * lost. Its index is drawn as it commits, so the others are neither held back nor read past it.
 */
@OpeIntegrationTest
class LateCommitTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventProcessingConfiguration processing;


    @Value("${ope.event-store.gap-timeout}")
    Duration gapTimeout;

    @Test
    void anAppendThatCommitsAfterTheGapTimeoutIsStillProjected() throws Exception {
        Api api = new Api(port).as("desk");
        DelegationId late = DelegationId.newId();
        Duration held = gapTimeout.multipliedBy(2).plusSeconds(1);
        EventProcessor board = processing.eventProcessor("delegation-board").orElseThrow();
        board.shutDown();
        try {
            registerWhileAnAppendIsHeldOpen(api, late, held, board);
        } finally {
            board.start();
        }
    }

    private void registerWhileAnAppendIsHeldOpen(Api api, DelegationId late, Duration held, EventProcessor board)
            throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        AtomicLong committedAt = new AtomicLong();
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>("Delegation", late.value(), 0,
                            registered(late), MetaData.with(ActorMetadata.ACTOR, "late-commit-test")
                            .and(ActorMetadata.ROLE, "SYSTEM")));
                    appended.countDown();
                    Api.sleep(held.toMillis());
                    committedAt.set(System.nanoTime());
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<AnsweredRegistration>> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String organisation = "Concurrent " + i + " " + late;
            others.add(CompletableFuture.supplyAsync(() -> {
                Api.Response response = api.post("/api/delegations", Requests.delegation(organisation));
                return new AnsweredRegistration(response, System.nanoTime());
            }));
        }
        Api.sleep(gapTimeout.plusSeconds(1).toMillis());
        board.start();
        slowTransaction.get(held.plusSeconds(20).toSeconds(), TimeUnit.SECONDS);

        List<String> otherIds = new ArrayList<>();
        for (CompletableFuture<AnsweredRegistration> other : others) {
            AnsweredRegistration answered = other.get(30, TimeUnit.SECONDS);
            assertThat(answered.response().status()).isEqualTo(201);
            assertThat(answered.answeredAt()).as("an append does not wait for the open one")
                    .isLessThan(committedAt.get());
            otherIds.add(answered.response().json().get("id").asString());
        }

        Api.Response lateView = api.getUntil("/api/delegations/" + late, r -> r.status() == 200,
                Duration.ofSeconds(15));
        assertThat(lateView.status()).as("the late-committing event reached the projection").isEqualTo(200);
        long latePosition = position(api, late.value());
        for (String id : otherIds) {
            assertThat(api.getUntil("/api/delegations/" + id, r -> r.status() == 200, Duration.ofSeconds(15))
                    .status()).isEqualTo(200);
            assertThat(position(api, id)).as("global index follows commit order").isLessThan(latePosition);
        }
        tools.jackson.databind.JsonNode verification = api.as("auditor").get("/api/audit/verify").json();
        assertThat(verification.get("ok").asBoolean()).as("the hash chain holds across the held append: " + verification)
                .isTrue();
    }

    private static long position(Api api, String aggregateId) {
        return api.get("/api/audit/events?aggregateId=" + aggregateId).json().get("items").get(0)
                .get("position").asLong();
    }

    private static DelegationRegisteredEvent registered(DelegationId id) {
        return registration(id, "Late committer").channel(Channel.DIRECT).origin("CN", "Jiangsu", "Wuxi")
                .type(DelegationType.BUSINESS).level(PoliticalLevel.NONE).headCount(3)
                .dates(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2)).themes(Theme.INVESTMENT)
                .purpose("Investment talks").opportunity("Factory site search").event();
    }

    private record AnsweredRegistration(Api.Response response, long answeredAt) {
    }
}
