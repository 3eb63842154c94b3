package dk.greatercph.ope.app.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only fault: makes one projection's handlers fail for every event whose payload mentions a marker, as a bug
 * in that projection would, until the marker is cured. Registered with Axon as a handler enhancer through
 * {@code META-INF/services}, so the real projections, dead-letter queue and retry run unchanged around it.
 */
public final class PoisonSwitch implements HandlerEnhancerDefinition {

    private static final Map<String, String> POISONED = new ConcurrentHashMap<>();

    /** From now on, {@code projection} fails on every event whose payload contains {@code marker}. */
    public static void poison(String projection, String marker) {
        POISONED.put(marker, projection);
    }

    /** The bug is fixed: events with {@code marker} are applied again. */
    public static void cure(String marker) {
        POISONED.remove(marker);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        String projection = projection(original);
        if (projection == null) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (POISONED.isEmpty()) {
                    return super.handle(message, target);
                }
                String payload = String.valueOf(message.getPayload());
                for (Map.Entry<String, String> poisoned : POISONED.entrySet()) {
                    if (poisoned.getValue().equals(projection) && payload.contains(poisoned.getKey())) {
                        throw new IllegalStateException("Test poison in " + projection + ": " + poisoned.getKey());
                    }
                }
                return super.handle(message, target);
            }
        };
    }

    private static String projection(MessageHandlingMember<?> member) {
        try {
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(member.declaringClass(),
                    ProcessingGroup.class);
            return group == null ? null : group.value();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }
}
