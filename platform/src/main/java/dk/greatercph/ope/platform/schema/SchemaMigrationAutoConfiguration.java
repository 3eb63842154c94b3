package dk.greatercph.ope.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Migrates the platform's schema ({@code classpath:db/platform}), then every {@link SchemaModule} present in
 * this process, each with its own history table.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
public class SchemaMigrationAutoConfiguration {

    @Bean
    FlywayMigrationStrategy moduleAwareMigration(ObjectProvider<SchemaModule> modules) {
        return platform -> {
            platform.migrate();
            modules.orderedStream().forEach(module -> Flyway.configure()
                    .configuration(platform.getConfiguration())
                    .locations(module.location())
                    .table(module.historyTable())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate());
        };
    }
}
