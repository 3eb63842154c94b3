package dk.greatercph.ope.app.security;

import dk.greatercph.ope.platform.security.WebSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the security set-up refuses when the application starts, and which password users exist: only the
 * web security configuration starts here, as in the application, without the database.
 */
class ConfiguredUsersTest {

    private static final String STRONG_HASH = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("s3cret-Desk");

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SecurityAutoConfiguration.class,
                    WebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class));

    @ParameterizedTest
    @ValueSource(strings = {"{noop}desk", "{MD5}{salt}5f4dcc3b5aa765d61d8327deb882cf99",
            "{SHA-1}{salt}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8",
            "{sha256}97cde38028ad898ebcd8c6b5ac7a0d1e1bd4ef6a0c5b2e4f0b6b4d1f2c3e4a5b",
            "{SHA-256}{salt}5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
            "{ldap}{SSHA}abcdefgh", "{MD4}{salt}8a9d093f14f8701df17732b2bb182c74"})
    void aClearOrFastHashIsRefusedAtStart(String hash) {
        runner.withPropertyValues(user("desk", hash)).run(context -> assertRefused(context,
                "User desk has a {" + hash.substring(1, hash.indexOf('}')) + "} password hash",
                "is refused; use {bcrypt} with cost 10 or more"));
    }

    @Test
    void aClearPasswordIsRefusedAtStart() {
        runner.withPropertyValues(user("desk", "desk")).run(context -> assertRefused(context,
                "User desk needs a password hash with its algorithm", "clear passwords are refused"));
    }

    @Test
    void bcryptBelowCostTenIsRefusedAtStart() {
        String weak = "{bcrypt}" + new BCryptPasswordEncoder(9).encode("s3cret-Desk");

        runner.withPropertyValues(user("desk", weak)).run(context -> assertRefused(context,
                "User desk has a bcrypt password hash of cost 9, which is refused; use cost 10 or more."));
    }

    @Test
    void aReservedNameIsRefusedForAConfiguredUser() {
        runner.withPropertyValues(user("System", STRONG_HASH)).run(context -> assertRefused(context,
                "User name System is reserved for what the system does by itself"));
    }

    @Test
    void aClockSkewAboveThirtySecondsIsRefused() {
        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem",
                        "ope.security.jwt.clock-skew=60s")
                .run(context -> assertRefused(context, "ope.security.jwt.clock-skew is PT1M; it must lie between 0 and PT30S."));
    }

    @Test
    void aConfiguredUserWithAStrongHashSignsIn() {
        runner.withPropertyValues(user("desk", STRONG_HASH)).run(context -> {
            assertThat(context).hasNotFailed();
            AuthenticationProvider login = context.getBean(AuthenticationProvider.class);
            assertThat(login.authenticate(credentials("desk", "s3cret-Desk")).isAuthenticated()).isTrue();
            assertThatThrownBy(() -> login.authenticate(credentials("desk", "desk")))
                    .isInstanceOf(BadCredentialsException.class);
        });
    }

    @Test
    void withATokenIssuerTheDemoUsersAreOffUnlessExplicitlyAllowed() {
        String jwt = "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:jwt/test-public.pem";

        runner.withPropertyValues(jwt).run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(AuthenticationProvider.class).authenticate(credentials("desk", "desk")))
                    .isInstanceOf(BadCredentialsException.class);
        });
        runner.withPropertyValues(jwt, "ope.security.allow-demo-users=true").run(context ->
                assertThat(context.getBean(AuthenticationProvider.class).authenticate(credentials("desk", "desk"))
                        .isAuthenticated()).isTrue());
        runner.run(context ->
                assertThat(context.getBean(AuthenticationProvider.class).authenticate(credentials("desk", "desk"))
                        .isAuthenticated()).isTrue());
    }

    private static String[] user(String name, String hash) {
        return new String[]{"ope.security.users[0].username=" + name, "ope.security.users[0].password-hash=" + hash,
                "ope.security.users[0].role=DESK"};
    }

    private static UsernamePasswordAuthenticationToken credentials(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static void assertRefused(AssertableWebApplicationContext context, String... messageParts) {
        assertThat(context).hasFailed();
        Throwable cause = context.getStartupFailure();
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(IllegalStateException.class);
        assertThat(cause.getMessage()).contains(messageParts);
    }
}
