package dk.greatercph.ope.platform.processing;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's invoker with its handlers found once per event type decides every event as Axon's own invoker does,
 * and asks the handlers what cannot change only once.
 */
class HandlersKnownInvokerTest {

    private static final List<Object> PAYLOADS = List.of("a text", 42, 7L);

    @Test
    void offersEveryEventToTheSameHandlersAsAxonsInvokerLiveAndInAReplay() throws Exception {
        List<String> axons = new ArrayList<>();
        List<String> known = new ArrayList<>();
        MultiEventHandlerInvoker reference = new MultiEventHandlerInvoker(invokers(axons));
        EventHandlerInvoker invoker = HandlersKnownInvoker.of(new MultiEventHandlerInvoker(invokers(known)));

        assertThat(invoker).isInstanceOf(HandlersKnownInvoker.class);
        assertThat(invoker.supportsReset()).isEqualTo(reference.supportsReset()).isTrue();
        for (Object payload : PAYLOADS) {
            assertThat(invoker.canHandleType(payload.getClass())).as(payload.getClass().getSimpleName())
                    .isEqualTo(reference.canHandleType(payload.getClass()));
            for (EventMessage<?> event : List.of(plain(payload), live(payload), replayed(payload))) {
                assertThat(invoker.canHandle(event, Segment.ROOT_SEGMENT)).as(event.toString())
                        .isEqualTo(reference.canHandle(event, Segment.ROOT_SEGMENT));
                reference.handle(event, Segment.ROOT_SEGMENT);
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
        }
        assertThat(known).isEqualTo(axons).containsExactly(
                "texts: a text", "live only: a text", "texts: a text", "live only: a text", "texts: a text",
                "live only: 42", "live only: 42");
        assertThat(invoker.canHandleType(Long.class)).isFalse();
        assertThat(invoker.canHandle(live(7L), Segment.ROOT_SEGMENT)).isFalse();

        invoker.performReset();
        reference.performReset();
        assertThat(known).isEqualTo(axons).endsWith("texts: reset");
    }

    @Test
    void asksWhetherAHandlerReplaysOnceAndWhetherItTakesATypeOncePerType() throws Exception {
        List<String> handled = new ArrayList<>();
        List<Counting> counting = invokers(handled).stream().map(Counting::new).toList();
        EventHandlerInvoker invoker = HandlersKnownInvoker.of(new MultiEventHandlerInvoker(List.copyOf(counting)));

        for (int i = 0; i < 100; i++) {
            for (Object payload : PAYLOADS) {
                EventMessage<?> event = live(payload);
                if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                } else {
                    invoker.canHandleType(event.getPayloadType());
                }
                invoker.supportsReset();
            }
        }

        assertThat(handled).hasSize(300);
        // Axon's own invoker asks a handler whether it replays at every event it offers it, hundreds of times here
        assertThat(counting).allSatisfy(each -> {
            assertThat(each.resets).isEqualTo(1);
            assertThat(each.types).isEqualTo(PAYLOADS.size());
        });
        // a text is offered to the first to decide, then to both to handle; a number only to the one taking numbers;
        // a long, which neither takes, to none
        assertThat(counting.get(0).offered).isEqualTo(200);
        assertThat(counting.get(1).offered).isEqualTo(300);
    }

    private static List<EventHandlerInvoker> invokers(List<String> handled) {
        return List.of(SimpleEventHandlerInvoker.builder().eventHandlers(new Texts(handled)).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(new LiveOnly(handled)).build());
    }

    private static EventMessage<?> plain(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static EventMessage<?> live(Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(5), plain(payload));
    }

    private static EventMessage<?> replayed(Object payload) {
        return new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(5)), plain(payload));
    }

    /** A projection of texts, rebuilt in replays. */
    static final class Texts {
        private final List<String> handled;

        Texts(List<String> handled) {
            this.handled = handled;
        }

        @EventHandler
        void on(String text) {
            handled.add("texts: " + text);
        }

        @ResetHandler
        void reset() {
            handled.add("texts: reset");
        }
    }

    /** A push of texts and numbers to whoever is connected, never replayed. */
    @DisallowReplay
    static final class LiveOnly {
        private final List<String> handled;

        LiveOnly(List<String> handled) {
            this.handled = handled;
        }

        @EventHandler
        void on(String text) {
            handled.add("live only: " + text);
        }

        @EventHandler
        void on(Integer number) {
            handled.add("live only: " + number);
        }
    }

    /** An invoker counting what it is asked. */
    static final class Counting implements EventHandlerInvoker {
        private final EventHandlerInvoker delegate;
        int resets;
        int types;
        int offered;

        Counting(EventHandlerInvoker delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            offered++;
            return delegate.canHandle(eventMessage, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            types++;
            return delegate.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            delegate.handle(message, segment);
        }

        @Override
        public boolean supportsReset() {
            resets++;
            return delegate.supportsReset();
        }
    }
}
