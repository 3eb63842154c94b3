package dk.greatercph.ope.web.security;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;

/**
 * The pages' session defaults, at the lowest precedence so that configuration overrides them: a session ends
 * after 30 minutes of idleness; its cookie is HttpOnly, SameSite=Lax and (as the container decides per request)
 * Secure when the page was served over https; and a session id never travels in a URL.
 */
public class WebDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "server.servlet.session.timeout", "30m",
            "server.servlet.session.cookie.http-only", "true",
            "server.servlet.session.cookie.same-site", "lax",
            "server.servlet.session.tracking-modes", "cookie");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
