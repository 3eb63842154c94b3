package dk.greatercph.ope.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The query side on its own (split mode): projections read the shared event store in PostgreSQL. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.application.name", "ope-query-side",
                "server.port", "8082"));
        application.run(args);
    }
}
