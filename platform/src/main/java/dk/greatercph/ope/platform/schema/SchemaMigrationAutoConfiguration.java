package dk.greatercph.ope.platform.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.util.List;

/**
 * Migrates the platform's schema ({@code classpath:db/platform}), then every {@link SchemaModule} present in
 * this process, each with its own history table. The migrations run beside the rest of the context's start;
 * the application's data source waits for them ({@link SchemaMigrationGate}).
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
public class SchemaMigrationAutoConfiguration {

    @Bean
    static SchemaMigrationGate schemaMigrationGate() {
        return new SchemaMigrationGate();
    }

    /** Every data source bean the application uses waits for the migrations. */
    @Bean
    static BeanPostProcessor migrationGatedDataSources(ObjectProvider<SchemaMigrationGate> gate) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                return bean instanceof DataSource dataSource && !(bean instanceof MigrationGatedDataSource)
                        ? new MigrationGatedDataSource(dataSource, gate.getObject()) : bean;
            }
        };
    }

    @Bean
    FlywayMigrationStrategy moduleAwareMigration(ObjectProvider<SchemaModule> modules, SchemaMigrationGate gate) {
        return configured -> {
            // the modules resolved here, on the thread that creates the beans, not on the migrations' thread
            List<SchemaModule> present = modules.orderedStream().toList();
            // the migrations connect past the gate that waits for them
            Flyway platform = Flyway.configure().configuration(configured.getConfiguration())
                    .dataSource(MigrationGatedDataSource.direct(configured.getConfiguration().getDataSource()))
                    .load();
            gate.begin(() -> {
                platform.migrate();
                present.forEach(module -> Flyway.configure()
                        .configuration(platform.getConfiguration())
                        .locations(module.location())
                        .table(module.historyTable())
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate());
            });
        };
    }
}
