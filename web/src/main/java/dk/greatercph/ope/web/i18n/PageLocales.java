package dk.greatercph.ope.web.i18n;

import dk.greatercph.ope.web.PagePaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

import java.util.Locale;

/**
 * Whose language a request speaks. A page, and an API call a page makes inside the server, speak the page's language
 * (Danish unless the person chose English; kept in a cookie). A client calling the API directly keeps what it had
 * before the pages existed: its {@code Accept-Language}, else the server's default.
 */
final class PageLocales implements LocaleResolver {

    private final CookieLocaleResolver pages;
    private final AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();

    PageLocales(CookieLocaleResolver pages) {
        this.pages = pages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return isDirectApiCall(request) ? api.resolveLocale(request) : pages.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        pages.setLocale(request, response, locale);
    }

    static boolean isDirectApiCall(HttpServletRequest request) {
        if (request.getAttribute(WebUtils.INCLUDE_REQUEST_URI_ATTRIBUTE) != null) {
            return false; // a page's call of the API, inside the server
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !PagePaths.isPage(path);
    }
}
