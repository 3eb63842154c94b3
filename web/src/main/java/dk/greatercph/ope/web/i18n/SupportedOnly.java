package dk.greatercph.ope.web.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Switches the language only to one the pages are written in. */
final class SupportedOnly implements HandlerInterceptor {

    private final LocaleChangeInterceptor change;

    SupportedOnly(LocaleChangeInterceptor change) {
        this.change = change;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws jakarta.servlet.ServletException {
        String asked = request.getParameter(change.getParamName());
        if (asked != null && PageLanguage.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(asked))) {
            return true;
        }
        return change.preHandle(request, response, handler);
    }
}
