package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every page's layout needs: the signed-in user, the menu and the page's own address. */
@ControllerAdvice(basePackages = "dk.greatercph.ope.web")
class PageModel {

    private final Navigation navigation;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> pagesByGet;

    PageModel(Navigation navigation,
              @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.navigation = navigation;
        this.mappings = mappings;
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
        boolean read = "GET".equals(request.getMethod());
        String path = read ? currentPath(request) : pageOf(currentPath(request));
        String query = read ? request.getQueryString() : null;
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

    /**
     * The page a form was sent from, for a page answered to a form (a refusal): its address less the segments of the
     * form's own, up to the first a page is read at. The language links pointed at the form's address, which a
     * browser cannot read (405), and a refused form then lost its page along with the language.
     */
    String pageOf(String formPath) {
        List<PathPattern> pages = pagesByGet();
        String candidate = formPath;
        while (!candidate.isEmpty() && !candidate.equals("/")) {
            PathContainer container = PathContainer.parsePath(candidate);
            if (pages.stream().anyMatch(page -> page.matches(container))) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return "/";
    }

    private List<PathPattern> pagesByGet() {
        List<PathPattern> pages = pagesByGet;
        if (pages == null) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            pages = mapping == null ? List.of() : mapping.getHandlerMethods().entrySet().stream()
                    .filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("dk.greatercph.ope.web"))
                    .filter(entry -> entry.getKey().getMethodsCondition().getMethods().isEmpty()
                            || entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                    .filter(entry -> entry.getKey().getPathPatternsCondition() != null)
                    .flatMap(entry -> entry.getKey().getPathPatternsCondition().getPatterns().stream())
                    .toList();
            pagesByGet = pages;
        }
        return pages;
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
