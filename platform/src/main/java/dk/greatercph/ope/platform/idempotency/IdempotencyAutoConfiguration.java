package dk.greatercph.ope.platform.idempotency;

import dk.greatercph.ope.platform.problem.ProblemWriter;
import dk.greatercph.ope.platform.schema.SchemaModule;
import jakarta.servlet.DispatcherType;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the Idempotency-Key filter just after Spring Security (it needs the user), its table, and the
 * pruning of expired records.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    SchemaModule idempotencySchemaModule() {
        return new SchemaModule("idempotency", "classpath:db/idempotency");
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, JsonMapper json,
                                                                IdempotencyProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(jdbc, new ProblemWriter(json), properties));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        // the pages call the API by an include inside their own request, with the page form's key
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.INCLUDE);
        return registration;
    }

    /** Marks a key's record recorded in the transaction of the command its request carries out. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> idempotencyRecordedWithTheCommand(JdbcClient jdbc) {
        return Attempt.markRecorded(jdbc);
    }

    @Bean
    IdempotencyPruner idempotencyPruner(JdbcClient jdbc, IdempotencyProperties properties) {
        return new IdempotencyPruner(jdbc, properties.pruneInterval());
    }
}
