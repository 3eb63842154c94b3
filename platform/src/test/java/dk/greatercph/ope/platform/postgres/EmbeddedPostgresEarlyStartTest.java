package dk.greatercph.ope.platform.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresEarlyStartTest {

    @TempDir
    Path folder;

    @Test
    void stopsThePostgresStartedBesideTheContextWhenTheApplicationFailsToStart() {
        Path dataDir = folder.resolve("postgres");
        SpringApplication application = new SpringApplication(RefusingApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--ope.embedded-postgres.data-dir=" + dataDir,
                "--ope.embedded-postgres.port=0"))
                .hasRootCauseMessage("refuses to start");

        assertThat(dataDir.resolve("PG_VERSION")).as("the cluster was initialised").exists();
        assertThat(dataDir.resolve("postmaster.pid")).as("and its postmaster stopped").doesNotExist();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(EmbeddedPostgresAutoConfiguration.class)
    static class RefusingApplication {

        @Bean
        Object refusing() {
            throw new IllegalStateException("refuses to start");
        }
    }
}
