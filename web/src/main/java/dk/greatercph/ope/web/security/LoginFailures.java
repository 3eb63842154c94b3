package dk.greatercph.ope.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * A failed sign-in goes back to the sign-in page, saying why: a wrong password, too many attempts, an identity
 * provider that signed in someone this system does not accept (and which claim is missing), or an identity
 * provider that could not be reached or answered with an error.
 */
public final class LoginFailures implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    /** The session attribute that carries the user name typed into a refused sign-in back to the form, once. */
    public static final String TYPED_USER_NAME = LoginFailures.class.getName() + ".typed";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        // the form came back empty after a mistyped password; kept in the session, not in the address
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= 200) {
            request.getSession().setAttribute(TYPED_USER_NAME, typed.strip());
        }
        response.sendRedirect(request.getContextPath() + target(failure));
    }

    static String target(AuthenticationException failure) {
        if (failure.getClass().getSimpleName().equals("TooManyAttempts")) {
            return "/login?throttled";
        }
        if (failure instanceof IdentityProviderUsers.SignInRefused refused) {
            log.info("A sign-in through the identity provider was refused: {}", refused.reason().message());
            return "/login?refused=" + refused.reason().name();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IssuerClientRegistration.IdentityProviderUnavailable) {
                return "/login?unavailable";
            }
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            log.warn("A sign-in through the identity provider failed: {}", oauth.getError());
            return "/login?providerError";
        }
        return "/login?error";
    }
}
