package dk.greatercph.ope.query.replay;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;

/**
 * The health group {@code /actuator/health/projection-status}, holding the {@code projections} component: its status
 * for anybody, its details for administrators, like the rest of the health endpoint. Declared by the query side, as
 * only a process with projections has the component (a group naming a missing one stops the process from starting);
 * at the lowest precedence, so configuration overrides it. Boot refuses a group named like one of its members, hence
 * not {@code projections}.
 */
public class ProjectionHealthGroup implements EnvironmentPostProcessor {

    static final String GROUP = "projection-status";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoint.health.group." + GROUP + ".include", "projections");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
