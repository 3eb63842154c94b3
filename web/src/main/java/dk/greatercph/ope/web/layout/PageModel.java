package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The page in each language: its address with {@code lang} set and, for a page read by GET, the rest of its query
     * kept, so that switching the language keeps the report's year, the board's filters and the schedule's week.
     */
    @ModelAttribute("languagePaths")
    Map<String, String> languagePaths(HttpServletRequest request) {
        String path = currentPath(request);
        String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
        Map<String, String> paths = new LinkedHashMap<>();
        for (String language : List.of("da", "en")) {
            paths.put(language, inLanguage(path, query, language));
        }
        return paths;
    }

    /**
     * What the layout needs, for a model an exception handler makes: Spring calls no {@link ModelAttribute} method
     * for those, and an error page without them had no menu and no way to sign out.
     */
    Map<String, Object> layout(HttpServletRequest request) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("user", user());
        layout.put("menu", menu());
        layout.put("currentPath", currentPath(request));
        layout.put("languagePaths", languagePaths(request));
        return layout;
    }

    static String inLanguage(String path, String query, String language) {
        try {
            return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang", language).build(true)
                    .toUriString();
        } catch (IllegalArgumentException unreadable) {
            // a query not encoded as a URI's should be: the page alone
            return path + "?lang=" + language;
        }
    }
}
