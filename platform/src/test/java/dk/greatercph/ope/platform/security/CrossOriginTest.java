package dk.greatercph.ope.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cross-origin access, once origins are configured: those exact origins, the API only, no credentials. */
class CrossOriginTest {

    @Test
    void onlyTheConfiguredOriginsMayCallTheApi() {
        CorsConfigurationSource source = CrossOrigin.from(new SecurityProperties.Cors(List.of("https://ope.example")));

        CorsConfiguration api = source.getCorsConfiguration(new MockHttpServletRequest("GET", "/api/delegations"));

        assertThat(api.checkOrigin("https://ope.example")).isEqualTo("https://ope.example");
        assertThat(api.checkOrigin("https://evil.example")).isNull();
        assertThat(api.getAllowCredentials()).isFalse();
        assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", "/actuator/health"))).isNull();
    }

    @Test
    void aWildcardOriginIsRefused() {
        assertThatThrownBy(() -> CrossOrigin.from(new SecurityProperties.Cors(List.of("https://*.example"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exact origins");
    }
}
