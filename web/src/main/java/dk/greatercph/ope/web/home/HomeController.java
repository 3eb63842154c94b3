package dk.greatercph.ope.web.home;

import dk.greatercph.ope.web.layout.Navigation;
import org.springframework.stereotype.Controller;
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
    String login() {
        return "login";
    }

    @GetMapping("/account")
    String account() {
        return "account";
    }
}
