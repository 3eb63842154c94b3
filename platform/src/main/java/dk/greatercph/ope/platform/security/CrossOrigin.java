package dk.greatercph.ope.platform.security;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Cross-origin access for the configured origins only: scripts there may call the API with a bearer token.
 * No cookies are involved (sessions are stateless), so credentials are never allowed cross-origin.
 */
final class CrossOrigin {

    private CrossOrigin() {
    }

    static CorsConfigurationSource from(SecurityProperties.Cors cors) {
        for (String origin : cors.allowedOrigins()) {
            if (origin.contains("*")) {
                throw new IllegalStateException("ope.security.cors.allowed-origins takes exact origins; '" + origin
                        + "' is a pattern.");
            }
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(cors.allowedOrigins());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "Last-Event-ID"));
        api.setExposedHeaders(List.of("Location", "ETag", "Retry-After"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
