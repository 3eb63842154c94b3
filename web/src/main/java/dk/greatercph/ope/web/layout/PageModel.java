package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What every page's layout needs: the signed-in user, the menu and the page's own address. */
@ControllerAdvice(basePackages = "dk.greatercph.ope.web")
class PageModel {

    private final Navigation navigation;

    PageModel(Navigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("user")
    CurrentUser user() {
        return CurrentUser.current().orElse(null);
    }

    @ModelAttribute("menu")
    List<Navigation.Item> menu() {
        return navigation.items();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
