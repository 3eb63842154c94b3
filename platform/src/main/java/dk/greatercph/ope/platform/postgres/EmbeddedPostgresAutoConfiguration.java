package dk.greatercph.ope.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url} configured, start a real PostgreSQL and point
 * the datasource at it.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(EmbeddedPostgresAutoConfiguration.NoDatasourceConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    /**
     * Begins starting the server once the bean definitions are read, beside the rest of the context's refresh,
     * unless the application's {@code main} began it already ({@link EmbeddedPostgresMainStart}).
     */
    @Bean
    @ConditionalOnMissingBean
    static EmbeddedPostgresEarlyStart embeddedPostgresEarlyStart() {
        return new EmbeddedPostgresEarlyStart();
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresEarlyStart earlyStart) {
        return earlyStart.take();
    }

    /** Bound like Boot's own pool, so {@code spring.datasource.hikari.*} (timeouts included) applies here too. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername("postgres");
        // every streaming processor may hold one while it handles a batch; the notifications added two and a poller
        dataSource.setMaximumPoolSize(24);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return applies(context.getEnvironment());
        }

        static boolean applies(Environment environment) {
            return !environment.containsProperty("spring.datasource.url");
        }
    }
}
