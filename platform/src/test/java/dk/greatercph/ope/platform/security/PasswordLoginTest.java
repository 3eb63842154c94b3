package dk.greatercph.ope.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password check itself: what it remembers of a success, and for how long, beside the throttle. */
class PasswordLoginTest {

    private static final String ADDRESS = "203.0.113.7";

    @Test
    void aUserWhoKeepsUsingThePasswordIsNotCheckedAgainSoGuessesFromTheSameAddressDoNotHoldThemBack()
            throws InterruptedException {
        SecurityProperties.User desk = new SecurityProperties.User("desk",
                "{bcrypt}" + new BCryptPasswordEncoder(10).encode("desk-password"), Role.DESK, null);
        LoginThrottle throttle = new LoginThrottle(new SecurityProperties.LoginThrottle(true,
                new SecurityProperties.Limit(100, Duration.ofHours(1)),
                new SecurityProperties.Limit(2, Duration.ofHours(1))));
        Duration remembered = Duration.ofMillis(2500);
        PasswordLogin login = new PasswordLogin(List.of(desk), PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                throttle, remembered);

        assertThat(login.authenticate(attempt("desk", "desk-password")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login.authenticate(attempt("spray-1", "Summer2027!")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.authenticate(attempt("spray-2", "Summer2027!")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login.authenticate(attempt("spray-3", "Summer2027!")))
                .as("the address's allowance is used up").isInstanceOf(TooManyAttempts.class);

        long until = System.nanoTime() + remembered.multipliedBy(2).plusSeconds(1).toNanos();
        int uses = 0;
        while (System.nanoTime() < until) {
            Thread.sleep(250);
            assertThat(login.authenticate(attempt("desk", "desk-password")).isAuthenticated())
                    .as("use " + ++uses).isTrue();
        }
        assertThatThrownBy(() -> login.authenticate(attempt("desk", "not-the-password")))
                .as("a wrong password is still checked, and held back").isInstanceOf(TooManyAttempts.class);
    }

    private static Authentication attempt(String name, String password) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(ADDRESS, null));
        return token;
    }
}
