package dk.greatercph.ope.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The command side on its own (split mode): aggregates and the command API, on a shared PostgreSQL. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.application.name", "ope-command-side",
                "server.port", "8081"));
        application.run(args);
    }
}
