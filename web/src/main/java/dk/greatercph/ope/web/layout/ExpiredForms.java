package dk.greatercph.ope.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.util.Map;

/**
 * A page form posted without its valid CSRF token: as a rule, a form loaded in a session that has since ended (the
 * idle timeout, a restart, a sign-out in another tab). It was answered by the API's bare JSON 403, and an htmx form
 * did nothing at all. It is still refused (403) and changes nothing, but the user is told: an htmx form takes the page
 * to the sign-in (or, still signed in, to the page again), and a plain form answers a page that says the form had
 * expired, with the way to sign in or to load it again.
 */
@Component
public class ExpiredForms implements AccessDeniedHandler {

    // found when first needed: the page security's chain is built before them (the menu asks the chain's rules)
    private final ObjectProvider<PageModel> layout;
    private final ObjectProvider<ThymeleafViewResolver> views;
    private final ObjectProvider<LocaleResolver> locales;

    ExpiredForms(ObjectProvider<PageModel> layout, ObjectProvider<ThymeleafViewResolver> views,
                 ObjectProvider<LocaleResolver> localeResolver) {
        this.layout = layout;
        this.views = views;
        this.locales = localeResolver;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws java.io.IOException {
        // the request's own principal is not set yet where the CSRF filter stands in the chain
        org.springframework.security.core.Authentication user =
                SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
        String again = signedIn ? samePage(request) : request.getContextPath() + "/login?expired";
        response.setStatus(403);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", again);
            return;
        }
        LocaleResolver locales = this.locales.getObject();
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        Map<String, Object> model = new java.util.LinkedHashMap<>(layout.getObject().layout(request));
        model.put("status", 403);
        model.put("messageKey", "error.formExpired");
        model.put("again", again);
        model.put("signIn", !signedIn);
        try {
            View view = views.getObject().resolveViewName("error/problem", locales.resolveLocale(request));
            if (view == null) {
                throw new IllegalStateException("no error page template");
            }
            view.render(model, request, response);
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The expired form's page could not be shown", e);
        }
    }

    /** The page the form was on, as htmx or the browser names it; the front page when it names none of ours. */
    private static String samePage(HttpServletRequest request) {
        String from = request.getHeader("HX-Current-URL");
        if (from == null) {
            from = request.getHeader("Referer");
        }
        if (from == null) {
            return request.getContextPath() + "/";
        }
        try {
            java.net.URI uri = java.net.URI.create(from);
            String host = request.getServerName();
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(host)) {
                return request.getContextPath() + "/";
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || !uri.getRawPath().startsWith("/")
                    || uri.getRawPath().startsWith("//") ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException unreadable) {
            return request.getContextPath() + "/";
        }
    }
}
