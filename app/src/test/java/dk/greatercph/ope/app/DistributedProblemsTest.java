package dk.greatercph.ope.app;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.Lifecycle;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.command.CommandResult;
import dk.greatercph.ope.command.delegation.RequestScopeExpansionCommand;
import dk.greatercph.ope.command.delegation.RouteDelegationCommand;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import dk.greatercph.ope.platform.security.ActorMetadata;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnector;
import org.axonframework.commandhandling.distributed.CommandMessageFilter;
import org.axonframework.commandhandling.distributed.CommandRouter;
import org.axonframework.commandhandling.distributed.DistributedCommandBus;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.commandhandling.distributed.SimpleMember;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A refusal reaches the client with its status and code also when the command runs in another process. Commands
 * go through Axon's {@link DistributedCommandBus}; the connector carries command and result the way Axon Server
 * does, through the axon-server-connector's own {@link CommandSerializer} and the application's message
 * serializer, to the application's command bus and back. Across it, an exception's class does not survive, only
 * the details of a {@link CommandExecutionException}; the client's answer is what the problem advice makes of
 * what arrived.
 */
@OpeIntegrationTest
class DistributedProblemsTest {

    private static final Map<String, String> DESK = Map.of(ActorMetadata.ACTOR, "desk", ActorMetadata.ROLE, "DESK");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CommandBus applicationCommandBus;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    @Qualifier("handlerExceptionResolver")
    HandlerExceptionResolver problems;

    private CommandGateway remote;
    private Lifecycle lifecycle;

    @BeforeEach
    void overTheWire() {
        CommandSerializer wire = new CommandSerializer(messageSerializer, new AxonServerConfiguration());
        Member handlingNode = new SimpleMember<>("command-side", "remote", SimpleMember.REMOTE_MEMBER, member -> {
        });
        DistributedCommandBus bus = DistributedCommandBus.builder()
                .commandRouter(new OneNode(handlingNode))
                .connector(new SerializingConnector(wire, applicationCommandBus))
                .build();
        remote = DefaultCommandGateway.builder().commandBus(bus).build();
        lifecycle = new Lifecycle(new Api(port));
    }

    @Test
    void aProblemThrownByTheAggregateArrivesAsDetailsAndIsAnsweredWithItsStatusAndCode() {
        DelegationId id = new DelegationId(lifecycle.registeredAndScreened(Requests.delegation("Wire " + UUID.randomUUID())));

        Throwable arrived = catchThrowable(() -> remote.sendAndWait(asDesk(new RequestScopeExpansionCommand(id,
                "SCP-" + UUID.randomUUID(), List.of(Theme.INVESTMENT), "More themes", null))));

        assertThat(arrived).isInstanceOf(CommandExecutionException.class);
        assertThat(causes(arrived)).noneMatch(DomainProblem.class::isInstance);
        assertThat(((CommandExecutionException) arrived).<DomainProblem.Details>getDetails()).hasValueSatisfying(details -> {
            assertThat(details.code()).isEqualTo("NOT_ROUTED");
            assertThat(details.kind()).isEqualTo(ProblemKind.CONFLICT);
        });
        JsonNode answer = answer(arrived, 409);
        assertThat(answer.get("code").asString()).isEqualTo("NOT_ROUTED");
    }

    @Test
    void aProblemThrownByAHandlerInterceptorArrivesToo() {
        DelegationId id = new DelegationId(lifecycle.registeredAndScreened(Requests.delegation("Actor " + UUID.randomUUID())));

        Throwable arrived = catchThrowable(() -> remote.sendAndWait(
                new RouteDelegationCommand(id, null, List.of(), null, null)));

        assertThat(causes(arrived)).noneMatch(DomainProblem.class::isInstance);
        assertThat(answer(arrived, 400).get("code").asString()).isEqualTo("NO_ACTOR");
    }

    @Test
    void aRefusalRecordedAsAnEventArrivesAsTheResultAndIsAnsweredWithItsStatusAndCode() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Recorded " + UUID.randomUUID(), "BUSINESS",
                "\"INVESTMENT\"", null));

        CommandResult result = remote.sendAndWait(asDesk(new RouteDelegationCommand(new DelegationId(id), null,
                List.of(), null, null)));
        Throwable refused = catchThrowable(result::versionOrThrow);

        assertThat(answer(refused, 422).get("code").asString()).isEqualTo("NO_BUSINESS_FOCUS");
        assertThat(lifecycle.eventTypes(id)).last().isEqualTo("RoutingRefusedEvent");
    }

    @Test
    void aCommandCarriedOutArrivesWithTheNewVersion() {
        String id = lifecycle.registeredAndScreened(Requests.delegation("Carried out " + UUID.randomUUID()));

        CommandResult result = remote.sendAndWait(asDesk(new RouteDelegationCommand(new DelegationId(id), null,
                List.of(), null, 1L)));

        assertThat(result.versionOrThrow()).isGreaterThan(1);
        assertThat(lifecycle.eventTypes(id)).contains("DelegationRoutedEvent");
    }

    private static CommandMessage<?> asDesk(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(DESK);
    }

    private JsonNode answer(Throwable arrived, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/delegations");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(problems.resolveException(request, response, null, (Exception) arrived)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        try {
            return JSON.readTree(response.getContentAsString());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Every command goes to the one handling node. */
    private record OneNode(Member node) implements CommandRouter {

        @Override
        public Optional<Member> findDestination(CommandMessage<?> command) {
            return Optional.of(node);
        }

        @Override
        public void updateMembership(int loadFactor, CommandMessageFilter filter) {
        }
    }

    /**
     * Carries a command to the handling node's command bus and its result back, both serialized as Axon Server
     * carries them: nothing but bytes and type names crosses.
     */
    private record SerializingConnector(CommandSerializer wire, CommandBus handlingNode) implements CommandBusConnector {

        @Override
        public <C> void send(Member destination, CommandMessage<? extends C> command) {
            handlingNode.dispatch(across(command));
        }

        @Override
        public <C, R> void send(Member destination, CommandMessage<C> command, CommandCallback<? super C, R> callback) {
            AtomicReference<CommandResultMessage<?>> handled = new AtomicReference<>();
            handlingNode.dispatch(across(command), (sent, result) -> handled.set(result));
            CommandResponse response = wire.serialize(handled.get(), command.getIdentifier());
            callback.onResult(command, wire.deserialize(response));
        }

        private CommandMessage<?> across(CommandMessage<?> command) {
            Command serialized = wire.serialize(command, command.getIdentifier(), 0);
            return wire.deserialize(serialized);
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return () -> true;
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            return () -> true;
        }
    }
}
