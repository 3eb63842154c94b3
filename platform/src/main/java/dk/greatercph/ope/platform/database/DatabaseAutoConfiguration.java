package dk.greatercph.ope.platform.database;

import dk.greatercph.ope.platform.postgres.EmbeddedPostgresAutoConfiguration;
import dk.greatercph.ope.platform.problem.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/**
 * In every mode (embedded, split, external datasource): refuse to start on a database that acknowledges
 * commits before they are durable, probe the database, answer 503 while it is away and report readiness DOWN,
 * and end the sessions that hold others up while their client says nothing.
 */
@AutoConfiguration(after = {EmbeddedPostgresAutoConfiguration.class, DataSourceAutoConfiguration.class},
        before = DataSourceTransactionManagerAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({DurabilityProperties.class, DatabaseProperties.class})
public class DatabaseAutoConfiguration {

    /** Boot's, but for a commit whose connection broke ({@link ClosedConnectionTransactionManager}). */
    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new ClosedConnectionTransactionManager(dataSource);
        customizers.ifAvailable(each -> each.customize(manager));
        return manager;
    }

    @Bean
    CommitDurabilityCheck commitDurabilityCheck(DataSource dataSource, DurabilityProperties properties) {
        return CommitDurabilityCheck.verify(dataSource, properties);
    }

    @Bean
    DatabaseAvailability databaseAvailability(DataSource dataSource, DatabaseProperties properties,
                                              org.springframework.context.ApplicationEventPublisher events) {
        return new DatabaseAvailability(dataSource, properties, events::publishEvent);
    }

    @Bean
    StalledSessions stalledSessions(DataSource dataSource, DatabaseProperties properties) {
        return new StalledSessions(dataSource, properties);
    }

    @Bean
    DatabaseHealthIndicator databaseHealthIndicator(DatabaseAvailability availability) {
        return new DatabaseHealthIndicator(availability);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
                DatabaseAvailability availability, JsonMapper json) {
            FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                    new DatabaseUnavailableFilter(availability, new ProblemWriter(json)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2); // after the security headers and body limit
            return registration;
        }
    }
}
