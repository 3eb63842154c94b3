package dk.greatercph.ope.platform.security;

import dk.greatercph.ope.platform.problem.ProblemWriter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Every endpoint is born secure: HTTP Basic against configured users (or, in the embedded default, demo
 * users), bearer JWTs from the authority's identity provider when one is configured, stateless sessions,
 * function-level rules from {@link AccessRules}, and 401/403 as problem details. Password guessing is throttled
 * ({@link LoginThrottle}), every response carries the security headers, and cross-origin calls are allowed
 * only from configured origins.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class},
        beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
@Import(CommandSecurityConfiguration.class)
public class WebSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityAutoConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordLogin(SecurityProperties properties, Environment environment,
                                         ObjectProvider<JwtDecoder> jwtDecoder, PasswordEncoder passwordEncoder) {
        List<SecurityProperties.User> users = properties.users();
        if (users.isEmpty()) {
            boolean embeddedDefault = !environment.containsProperty("spring.datasource.url");
            boolean jwt = jwtDecoder.getIfAvailable() != null;
            if (properties.allowDemoUsers() || (embeddedDefault && !jwt)) {
                users = DemoUsers.all();
                log.warn("""

                        ************************************************************************
                        *  DEMO USERS ARE ACTIVE: desk, auditor, admin, clean, chc, copcap,      *
                        *  woco, region -- each with its user name as password.                 *
                        *  Configure ope.security.users (or a JWT issuer) before real use.      *
                        ************************************************************************""");
            } else if (jwt) {
                log.info("No password users are configured: only bearer tokens from the identity provider are "
                        + "accepted (demo users need ope.security.allow-demo-users=true).");
            } else {
                throw new IllegalStateException("No users are configured (ope.security.users) and no JWT issuer "
                        + "(spring.security.oauth2.resourceserver.jwt.*). Outside the embedded default, demo users "
                        + "need ope.security.allow-demo-users=true.");
            }
        }
        // Only this provider checks passwords: Spring's default one would "upgrade" hashes in memory and answer
        // an unknown name at a cost of its own choosing.
        return new PasswordLogin(users, passwordEncoder, new LoginThrottle(properties.loginThrottle()),
                properties.verifiedLogins());
    }

    @Bean
    OAuth2TokenValidator<Jwt> tokenLifetime(SecurityProperties properties) {
        return new TokenLifetime(properties.jwt().maxLifetime(), properties.jwt().clockSkew(), Clock.systemUTC());
    }

    @Bean
    SecurityHeaders securityHeaders(SecurityProperties properties) {
        return SecurityHeaders.of(properties.headers());
    }

    /**
     * The security headers on the response before any other filter runs, so that refusals written ahead of or
     * outside the security filter chain (body limit, database unavailable, firewall, error page) carry them.
     */
    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter(SecurityHeaders headers) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(headers.filter());
        registration.setName("securityHeadersFilter");
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                    SecurityProperties properties, JsonMapper json,
                                    SecurityHeaders securityHeaders) throws Exception {
        boolean jwt = jwtDecoder.getIfAvailable() != null;
        ProblemResponses problems = new ProblemResponses(new ProblemWriter(json),
                jwt ? "Basic realm=\"One-Point-Entry\", Bearer" : "Basic realm=\"One-Point-Entry\"");
        // no CSRF tokens for API clients, but a browser's remembered Basic credentials are not lent to other sites
        http.addFilterBefore(new CrossSiteBasicRefusal(new ProblemWriter(json)), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                // stateless: and a page's session that comes along (its cookie) is left alone, not given a new id
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(AccessRules::apply)
                .headers(headers -> headers // the one set in SecurityHeaders; Cache-Control and X-XSS-Protection stay Spring's
                        .frameOptions(frames -> frames.disable())
                        .contentTypeOptions(options -> options.disable())
                        .httpStrictTransportSecurity(hsts -> hsts.disable())
                        .addHeaderWriter(securityHeaders));
        if (properties.cors().allowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(CrossOrigin.from(properties.cors())));
        }
        if (jwt) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems.unauthenticated())
                    .accessDeniedHandler(problems.forbidden())
                    .jwt(token -> token.jwtAuthenticationConverter(claimMapping(properties.jwt()))));
        }
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> claimMapping(SecurityProperties.Jwt mapping) {
        return jwt -> {
            CurrentUser user;
            try {
                user = IdentityClaims.user(jwt, mapping);
            } catch (IdentityClaims.Refused refused) {
                throw new InvalidBearerTokenException(refused.getMessage());
            }
            return new JwtAuthenticationToken(jwt, IdentityClaims.authorities(user), user.name());
        };
    }
}
