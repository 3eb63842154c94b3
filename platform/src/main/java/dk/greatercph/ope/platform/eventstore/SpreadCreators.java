package dk.greatercph.ope.platform.eventstore;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedWithParams;
import tools.jackson.databind.util.ClassUtil;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls a record's canonical constructor (or any other creator Jackson gives all properties at once) through a method
 * handle that takes the argument array as it is, made once per type.
 * <p>
 * Jackson 3.1 calls such a creator with {@code MethodHandle.invokeWithArguments}, which adapts the handle to the
 * array again at every call: in a profile of the board's replay that was 12 % of the replay threads' samples, more
 * than the parsing of the JSON. What is created, and every error (the creator's own exception, wrapped as Jackson
 * wraps it), stays as Jackson's own instantiator gives it: this one is a copy of it that only calls differently.
 * A creator that is neither public nor opened by Jackson ({@code MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS}), or
 * that Jackson does not call with an argument array, is left to Jackson.
 */
final class SpreadCreators implements ValueInstantiators {

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
        return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef,
                                                     ValueInstantiator defaultInstantiator) {
        if (defaultInstantiator.getClass() != StdValueInstantiator.class
                || !defaultInstantiator.canCreateFromObjectWith()) {
            return defaultInstantiator;
        }
        StdValueInstantiator jacksons = (StdValueInstantiator) defaultInstantiator;
        MethodHandle spread = spreadHandle(jacksons.getWithArgsCreator());
        return spread == null ? defaultInstantiator : new Instantiator(jacksons, spread);
    }

    /** {@code (Object[]) -> Object} calling the creator, or null where Jackson's own call is kept. */
    private static MethodHandle spreadHandle(AnnotatedWithParams creator) {
        try {
            MethodHandle direct;
            if (creator instanceof AnnotatedConstructor constructor) {
                direct = MethodHandles.publicLookup().unreflectConstructor(constructor.getAnnotated());
            } else if (creator instanceof AnnotatedMethod method && method.isStatic()) {
                direct = MethodHandles.publicLookup().unreflect(method.getAnnotated());
            } else {
                return null;
            }
            return direct.asFixedArity().asSpreader(Object[].class, direct.type().parameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException notReachable) {
            return null; // a creator Jackson was not allowed to open either
        }
    }

    /** Jackson's instantiator for one type, calling its creator through the spread handle. */
    static final class Instantiator extends StdValueInstantiator {

        private final MethodHandle spread;

        Instantiator(StdValueInstantiator jacksons, MethodHandle spread) {
            super(jacksons);
            this.spread = spread;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
            try {
                return spread.invokeExact(args);
            } catch (Exception e) { // as Jackson's: exceptions are wrapped, anything else is thrown as it is
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            } catch (Throwable other) {
                throw ClassUtil.sneakyThrow(other);
            }
        }
    }
}
