package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.problem.ProblemDetailsAdvice;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.web.PagePaths;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that is no page, asked for by a browser ({@code /bord}, a link from an old bookmark), answers the 404
 * page in the reader's language with the menu, not the API's problem document; an API client asking for a path that
 * does not exist still gets the problem document.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    private final ProblemDetailsAdvice problems;
    private final Navigation navigation;

    UnknownPages(ProblemDetailsAdvice problems, Navigation navigation) {
        this.problems = problems;
        this.navigation = navigation;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException missing, HttpServletRequest request, WebRequest web) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!PagePaths.isPage(path) || !asksForHtml(request)) {
            return problems.handleException(missing, web);
        }
        ModelAndView page = new ModelAndView("error/problem", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("user", CurrentUser.current().orElse(null));
        page.addObject("menu", navigation.items());
        page.addObject("currentPath", "/");
        return page;
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
