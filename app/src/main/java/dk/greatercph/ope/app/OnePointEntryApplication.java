package dk.greatercph.ope.app;

import dk.greatercph.ope.app.benchmark.Benchmark;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresMainStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import java.util.Map;

/**
 * One-Point-Entry in one process: both sides, one PostgreSQL (embedded unless a datasource is configured).
 * The sides' own application classes are left out of the scan; their components are not.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dk.greatercph.ope.command", "dk.greatercph.ope.query", "dk.greatercph.ope.web"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class OnePointEntryApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("benchmark")) {
            Benchmark.start(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication application = new SpringApplication(OnePointEntryApplication.class);
        application.setDefaultProperties(Map.of("spring.application.name", "one-point-entry"));
        application.addListeners(new TrainingRun());
        application.addInitializers(new EmbeddedPostgresMainStart()); // PostgreSQL starts while the beans are read
        application.run(args);
    }
}
