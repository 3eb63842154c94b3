package dk.greatercph.ope.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/** A failed sign-in goes back to the form, saying whether the password was wrong or tried too often. */
final class LoginFailures implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        boolean throttled = failure.getClass().getSimpleName().equals("TooManyAttempts");
        response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
    }
}
