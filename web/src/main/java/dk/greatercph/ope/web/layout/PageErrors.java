package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page the API refused answers with the API's status and says so in words (403, 404, 409 …); a page's own query
 * parameter that does not read as its type ({@code /trips/{id}?v=abc}) is a 400 page, not the API's problem JSON.
 * First among the advices, so that the platform's catch-all does not answer a page. The page has the menu and the
 * sign-out as every other.
 */
@ControllerAdvice(basePackages = "dk.greatercph.ope.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final PageModel layout;

    PageErrors(PageModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception refused, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAllAttributes(layout.layout(request));
        response.setStatus(400);
        model.addAttribute("status", 400);
        if (refused instanceof MethodArgumentTypeMismatchException mismatch) {
            model.addAttribute("parameter", mismatch.getName());
        } else if (refused instanceof MissingServletRequestParameterException missing) {
            model.addAttribute("parameter", missing.getParameterName());
        }
        return "error/problem";
    }

    @ExceptionHandler(PageRefused.class)
    String refused(PageRefused refused, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAllAttributes(layout.layout(request));
        int status = switch (refused.status()) {
            case 403, 404, 409 -> refused.status();
            default -> refused.status() >= 500 ? 500 : 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("parameter", status == 400 ? refused.parameter() : null);
        return "error/problem";
    }
}
