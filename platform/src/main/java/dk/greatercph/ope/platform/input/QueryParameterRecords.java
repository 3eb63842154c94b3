package dk.greatercph.ope.platform.input;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.Parser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.text.ParseException;
import java.util.Arrays;

/**
 * Binds a record of query parameters ({@link ParameterObject}, e.g. the schedule's filters) from the parameters of
 * the same names, each converted as a single {@code @RequestParam} of its type and annotations would be.
 * <p>
 * Spring's model-attribute binding, which did this before, looked the record's constructor up again at every
 * request and parsed its parameters' annotations anew (the JDK keeps no copy of them): 15 % of a schedule request's
 * time (docs/performance-queries.md). It also filled components from request headers of the same name, so that a
 * header {@code Operator: chc} narrowed the desk's schedule; here only query parameters count. A value that does
 * not convert is refused naming its parameter, as before.
 * <p>
 * A {@code @DateTimeFormat} component is parsed by the parser Spring's conversion would use
 * ({@link BoundedDateFormats}, found once per record): the conversion service looks that parser up at every call by
 * the annotation, whose {@code hashCode} and {@code equals} the JDK computes by reflection, a tenth of a schedule
 * page's CPU.
 */
final class QueryParameterRecords implements HandlerMethodArgumentResolver {

    private static final TypeDescriptor ONE = TypeDescriptor.valueOf(String.class);
    private static final TypeDescriptor SEVERAL = TypeDescriptor.valueOf(String[].class);

    private final ClassValue<Binding> bindings = new ClassValue<>() {
        @Override
        protected Binding computeValue(Class<?> type) {
            return Binding.of(type);
        }
    };
    private volatile ConversionService conversion;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) throws Exception {
        ConversionService converter = conversion;
        if (converter == null) {
            converter = binders.createBinder(request, null, parameter.getParameterName()).getConversionService();
            conversion = converter;
        }
        Binding binding = bindings.get(parameter.getParameterType());
        Object[] values = new Object[binding.names.length];
        for (int i = 0; i < values.length; i++) {
            String[] given = request.getParameterValues(binding.names[i]);
            if (given == null) {
                continue;
            }
            Object value = given.length == 1 ? given[0] : given;
            try {
                values[i] = given.length == 1 && binding.parsers[i] != null
                        ? parse(binding.parsers[i], given[0], binding.types[i])
                        : converter.convert(value, given.length == 1 ? ONE : SEVERAL, binding.types[i]);
            } catch (ConversionFailedException e) {
                throw new MethodArgumentTypeMismatchException(value, binding.types[i].getType(), binding.names[i],
                        parameter, e);
            }
        }
        return BeanUtils.instantiateClass(binding.constructor, values);
    }

    /** As the conversion service applies a parser: blank is null, a failure a {@link ConversionFailedException}. */
    private static Object parse(Parser<?> parser, String text, TypeDescriptor type) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        Object value;
        try {
            value = parser.parse(text, LocaleContextHolder.getLocale());
        } catch (ParseException | RuntimeException e) {
            throw new ConversionFailedException(ONE, type, text, e);
        }
        if (value == null) {
            throw new ConversionFailedException(ONE, type, text, new IllegalArgumentException("no value"));
        }
        return value;
    }

    /**
     * A record's canonical constructor, its components' names, their types with their annotations, and for each
     * {@code @DateTimeFormat} component its parser.
     */
    private record Binding(Constructor<?> constructor, String[] names, TypeDescriptor[] types, Parser<?>[] parsers) {

        private static final BoundedDateFormats DATES = new BoundedDateFormats();

        static Binding of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record always has its canonical constructor: " + type, e);
            }
            String[] names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
            TypeDescriptor[] types = new TypeDescriptor[components.length];
            Parser<?>[] parsers = new Parser<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
                DateTimeFormat format = types[i].getAnnotation(DateTimeFormat.class);
                if (format != null && DATES.getFieldTypes().contains(types[i].getType())) {
                    parsers[i] = DATES.getParser(format, types[i].getType());
                }
            }
            return new Binding(constructor, names, types, parsers);
        }
    }
}
