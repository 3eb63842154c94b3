package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' links go out as their templates write them, and each static file a page names is served: the running
 * server has no {@link ResourceUrlEncodingFilter}, which looked every link of a page up in every jar (about 1.5 ms a
 * link; docs/web-security-and-speed.md, "Links as the templates write them").
 */
@OpeIntegrationTest
class PageLinksTest {

    private static final Pattern STATIC = Pattern.compile("(?:src|href)=\"(/(?:webjars|css|js)/[^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ServletContext servletContext;

    @Test
    void theServerRunsNoFilterThatRewritesThePagesLinks() {
        List<String> filters = servletContext.getFilterRegistrations().values().stream()
                .map(FilterRegistration::getClassName).toList();

        assertThat(filters).isNotEmpty().doesNotContain(ResourceUrlEncodingFilter.class.getName());
    }

    @Test
    void everyStaticFileAPageNamesIsServedAtTheAddressItWrites() {
        PageSession desk = PageSession.signedIn(port, "desk");
        PageSession.Page board = desk.get("/board");
        assertThat(board.status()).isEqualTo(200);

        Matcher links = STATIC.matcher(board.body());
        int found = 0;
        while (links.find()) {
            found++;
            assertThat(desk.get(links.group(1)).status()).as(links.group(1)).isEqualTo(200);
        }
        assertThat(found).as("static files the board names").isGreaterThanOrEqualTo(3);
    }

    /** A mistyped page address gave a signed-in browser the API's problem document instead of a page. */
    @Test
    void anAddressThatIsNoPageAnswersTheNotFoundPageToABrowserAndTheProblemToAnApiClient() {
        PageSession desk = PageSession.signedIn(port, "desk");
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        PageSession.Page page = desk.get("/bord", browser);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Ikke fundet", "href=\"/board\"").doesNotContain("\"code\"");
        assertThat(desk.get("/bord?lang=en", browser).body()).contains("Not found");

        PageSession.Page client = desk.get("/bord", Map.of("Accept", "application/json"));
        assertThat(client.status()).isEqualTo(404);
        assertThat(client.header("Content-Type")).startsWith("application/problem+json");
        Api.Response api = new Api(port).as("desk").get("/api/nothing-here", browser);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    /**
     * After a refused form the address bar holds the form's address; reloading it, its "load the page again" link or
     * a switch of language read it by GET and got the API's bare 405 problem. They lead to the page the form is on.
     */
    @Test
    void aFormsAddressReadByABrowserLeadsToThePageTheFormIsOn() {
        PageSession desk = PageSession.signedIn(port, "desk");
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        PageSession.Page action = desk.get("/delegations/DEL-0/do/screening?lang=en", browser);
        assertThat(action.status()).isEqualTo(303);
        assertThat(action.header("Location")).endsWith("/delegations/DEL-0?lang=en");
        assertThat(desk.get("/places/venues", browser).header("Location")).endsWith("/places");
        assertThat(desk.get("/trips/TRP-0/participants", browser).header("Location")).endsWith("/trips/TRP-0");

        PageSession.Page client = desk.get("/places/venues", Map.of("Accept", "application/json"));
        assertThat(client.status()).as("an API client still gets the problem").isEqualTo(405);
        assertThat(client.header("Content-Type")).startsWith("application/problem+json");
    }

    /** Switching the language kept the page but dropped its query: the report's year, the board's filters. */
    @Test
    void theLanguageLinksKeepThePagesQuery() {
        PageSession desk = PageSession.signedIn(port, "desk");

        String board = desk.get("/board?q=Jiangsu&status=ROUTED").body();

        assertThat(board).contains("href=\"/board?q=Jiangsu&amp;status=ROUTED&amp;lang=en\"",
                "href=\"/board?q=Jiangsu&amp;status=ROUTED&amp;lang=da\"");
        assertThat(desk.get("/board?lang=en").body()).contains("href=\"/board?lang=da\"");
    }

    /** An error page a page's own refusal answers had no menu and no sign-out, unlike the not-found page. */
    @Test
    void aPagesErrorPageHasTheMenuAndTheSignOut() {
        PageSession desk = PageSession.signedIn(port, "desk");
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        for (String path : List.of("/reports/annual?year=abc", "/delegations/DEL-nonexistent")) {
            PageSession.Page page = desk.get(path, browser);
            assertThat(page.status()).as(path).isIn(400, 404);
            assertThat(page.body()).as(path).contains("href=\"/board\"", "action=\"/logout\"");
        }
    }
}
