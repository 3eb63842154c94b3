package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page the API refused answers with the API's status and says so in words (403, 404, 409 …). */
@ControllerAdvice(basePackages = "dk.greatercph.ope.web")
class PageErrors {

    @ExceptionHandler(PageRefused.class)
    String refused(PageRefused refused, Model model, HttpServletResponse response) {
        int status = switch (refused.status()) {
            case 403, 404, 409 -> refused.status();
            default -> refused.status() >= 500 ? 500 : 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error/problem";
    }
}
