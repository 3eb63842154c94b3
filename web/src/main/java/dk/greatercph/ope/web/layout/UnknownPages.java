package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.problem.ProblemDetailsAdvice;
import dk.greatercph.ope.web.PagePaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * An address that is no page, asked for by a browser ({@code /bord}, a link from an old bookmark), answers the 404
 * page in the reader's language with the menu, not the API's problem document; an API client asking for a path that
 * does not exist still gets the problem document. A form's address opened by a browser (the address bar after a
 * refused form, reloaded or switched to another language) leads to the page the form is on.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    private final ProblemDetailsAdvice problems;
    private final PageModel layout;

    UnknownPages(ProblemDetailsAdvice problems, PageModel layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException missing, HttpServletRequest request, WebRequest web) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PagePaths.isPage(path) || !asksForHtml(request)) {
            return problems.handleException(missing, web);
        }
        ModelAndView page = new ModelAndView("error/problem", HttpStatus.NOT_FOUND);
        page.addAllObjects(layout.layout(request));
        page.addObject("currentPath", "/");
        page.addObject("status", 404);
        return page;
    }

    /**
     * A form's address read by a browser ({@code GET /delegations/{id}/do/screening}, {@code GET /places/venues})
     * answered the API's bare 405 problem: it now leads (303) to the page the form is on, its query (a language)
     * kept. Other methods, and clients that do not ask for HTML, still get the problem.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object formAddressRead(HttpRequestMethodNotSupportedException refused, HttpServletRequest request, WebRequest web)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PagePaths.isPage(path) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !asksForHtml(request)) {
            return problems.handleException(refused, web);
        }
        String query = request.getQueryString();
        RedirectView page = new RedirectView(pageOfForm(path) + (query == null ? "" : "?" + query), true);
        page.setExpandUriTemplateVariables(false);
        page.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(page);
    }

    /** The page a form's address belongs to: its parent, past the {@code /do} of a delegation's actions. */
    static String pageOfForm(String path) {
        String page = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        page = page.substring(0, Math.max(0, page.lastIndexOf('/')));
        if (page.endsWith("/do")) {
            page = page.substring(0, page.length() - "/do".length());
        }
        return page.isEmpty() ? "/" : page;
    }

    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
