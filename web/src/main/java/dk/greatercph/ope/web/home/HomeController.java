package dk.greatercph.ope.web.home;

import dk.greatercph.ope.web.layout.Navigation;
import dk.greatercph.ope.web.security.LoginFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: the sign-in form, and after it the first page the user's role may open. */
@Controller
class HomeController {

    private final Navigation navigation;

    HomeController(Navigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + navigation.home();
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginFailures.TYPED_USER_NAME) instanceof String typed) {
            session.removeAttribute(LoginFailures.TYPED_USER_NAME);
            model.addAttribute("typedUserName", typed);
        }
        return "login";
    }

    @GetMapping("/account")
    String account() {
        return "account";
    }
}
