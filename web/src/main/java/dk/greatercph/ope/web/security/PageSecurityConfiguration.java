package dk.greatercph.ope.web.security;

import dk.greatercph.ope.platform.security.SecurityHeaders;
import dk.greatercph.ope.platform.security.SecurityProperties;
import dk.greatercph.ope.web.PagePaths;
import dk.greatercph.ope.web.layout.ExpiredForms;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in to the pages with a form, or through the identity provider where a JWT issuer is configured
 * ({@link IdentityProviderSignIn}): a session (its id changed at sign-in, ended by logout or after
 * {@code server.servlet.session.timeout} of idleness), CSRF protection on every change, and the same password
 * check, throttling and users as the API's HTTP Basic. The API keeps its own stateless chain; a page reaches the
 * API only inside the server ({@link dk.greatercph.ope.web.api.Api}).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** Paths that belong to the API, the actuator and the API's documentation, not to the pages. */
    static final RequestMatcher PAGES = PageSecurityConfiguration::isPage;

    static boolean isPage(HttpServletRequest request) {
        return PagePaths.isPage(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain pageSecurity(HttpSecurity http, SecurityHeaders securityHeaders, SecurityProperties properties,
                                     ObjectProvider<IssuerClientRegistration> identityProvider,
                                     ExpiredForms expiredForms) throws Exception {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        login.setFavorRelativeUris(true); // a Location built from the Host header would send users wherever it names
        LoginFailures failures = new LoginFailures();
        IssuerClientRegistration provider = identityProvider.getIfAvailable();
        if (provider == null) {
            http.formLogin(form -> form.loginPage("/login").successHandler(PathOnlyRedirects.successHandler())
                            .failureHandler(failures))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        } else {
            IdentityProviderSignIn.apply(http, provider, properties.jwt(), failures);
        }
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
                    if (request.getHeader("HX-Request") != null) {
                        // an htmx request after the session ended: the whole page goes to the login
                        response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
                        response.setStatus(401);
                    } else {
                        login.commence(request, response, failure);
                    }
                }).accessDeniedHandler(expiredForms))
                .headers(headers -> headers
                        .frameOptions(frames -> frames.disable())
                        .contentTypeOptions(options -> options.disable())
                        .httpStrictTransportSecurity(hsts -> hsts.disable())
                        .addHeaderWriter(securityHeaders));
        return http.build();
    }
}
