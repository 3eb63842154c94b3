package dk.greatercph.ope.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;
import java.net.URI;

/**
 * Redirects after sign-in to the path (and query) of the page first asked for, never to a host. The saved request's
 * URL is built from the request's {@code Host} (or {@code X-Forwarded-Host}) header, so a first request that carried
 * {@code Host: evil.example} sent the user there once signed in.
 */
final class PathOnlyRedirects extends DefaultRedirectStrategy {

    /** The sign-in's success: back to the page first asked for, as a path, else the start page. */
    static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        success.setRedirectStrategy(new PathOnlyRedirects());
        return success;
    }

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        super.sendRedirect(request, response, pathOf(url));
    }

    static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
                return url;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }
}
