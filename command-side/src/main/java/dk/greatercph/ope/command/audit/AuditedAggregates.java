package dk.greatercph.ope.command.audit;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The aggregate types Axon is configured with, found in its configuration rather than listed here: each with
 * the model Axon builds from its annotations, so folding events uses the aggregate's own event sourcing
 * handlers.
 */
@Component
class AuditedAggregates {

    private final Configuration axon;
    private volatile Map<String, AuditedAggregate<?>> byType;

    AuditedAggregates(Configuration axon) {
        this.axon = axon;
    }

    /** The aggregate type whose name is {@code type}, ignoring case. */
    AuditedAggregate<?> named(String type) {
        AuditedAggregate<?> aggregate = types().get(type.toLowerCase(Locale.ROOT));
        if (aggregate == null) {
            throw new DomainProblem(AuditProblem.AGGREGATE_TYPE_NOT_FOUND,
                    "There is no aggregate type '" + type + "'.");
        }
        return aggregate;
    }

    private Map<String, AuditedAggregate<?>> types() {
        Map<String, AuditedAggregate<?>> types = byType;
        if (types == null) {
            List<AggregateConfiguration<?>> configurations = new ArrayList<>();
            axon.findModules(AggregateConfiguration.class).forEach(configurations::add);
            types = configurations.stream()
                    .<AuditedAggregate<?>>map(this::audited)
                    .collect(Collectors.toUnmodifiableMap(a -> a.name().toLowerCase(Locale.ROOT),
                            Function.identity()));
            byType = types;
        }
        return types;
    }

    private <A> AuditedAggregate<A> audited(AggregateConfiguration<A> configuration) {
        Class<A> type = configuration.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        return new AuditedAggregate<>(model.type(), model, configuration.aggregateFactory());
    }

    /** One aggregate type: its name as stored with its events, its model, and how to create an empty root. */
    record AuditedAggregate<A>(String name, AggregateModel<A> model, AggregateFactory<A> factory) {
    }
}
