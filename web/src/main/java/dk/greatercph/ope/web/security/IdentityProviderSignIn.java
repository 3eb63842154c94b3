package dk.greatercph.ope.web.security;

import dk.greatercph.ope.platform.security.SecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Where a JWT issuer is configured, people sign in to the pages through that identity provider (OpenID Connect,
 * authorization code flow with PKCE) instead of the password form, and the ID token's claims map to the user
 * exactly as the API's bearer tokens do. Logout ends the local session and, when the provider advertises an
 * {@code end_session_endpoint}, the provider's session too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(IdentityProviderSignIn.ISSUER)
@EnableConfigurationProperties(IdentityProviderProperties.class)
class IdentityProviderSignIn {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Bean
    IssuerClientRegistration pageClientRegistration(Environment environment, IdentityProviderProperties client) {
        if (client.clientId() == null || client.clientId().isBlank()) {
            throw new IllegalStateException(ISSUER + " is configured, so people sign in to the pages through that "
                    + "identity provider: register a client for the pages there and configure ope.web.oidc.client-id "
                    + "(and ope.web.oidc.client-secret for a confidential client).");
        }
        return new IssuerClientRegistration(environment.getRequiredProperty(ISSUER), client);
    }

    /** The page chain's sign-in and logout through the identity provider. */
    static void apply(HttpSecurity http, IssuerClientRegistration registration, SecurityProperties.Jwt mapping,
                      LoginFailures failures) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logoutAtProvider =
                new OidcClientInitiatedLogoutSuccessHandler(registration);
        logoutAtProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        logoutAtProvider.setDefaultTargetUrl("/login?logout");
        http.formLogin(form -> form.disable())
                .oauth2Login(login -> login
                        .loginPage("/login")
                        .clientRegistrationRepository(registration)
                        .successHandler(PathOnlyRedirects.successHandler())
                        .failureHandler(failures)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new IdentityProviderUsers(mapping)))
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                // an unreachable provider ends on the sign-in page, saying so, not in a 500
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutAtProvider))
                .headers(headers -> headers.addHeaderWriter(formActionAllows(registration.issuerOrigin())));
    }

    /**
     * The pages' Content-Security-Policy with the provider's origin added to {@code form-action}: a browser applies
     * it to the redirects that follow a form, and the logout form is redirected to the provider's end of session.
     */
    static HeaderWriter formActionAllows(String origin) {
        return (request, response) -> {
            String policy = response.getHeader("Content-Security-Policy");
            if (policy != null && policy.contains("form-action 'self'") && !policy.contains(origin)) {
                response.setHeader("Content-Security-Policy",
                        policy.replace("form-action 'self'", "form-action 'self' " + origin));
            }
        };
    }
}
