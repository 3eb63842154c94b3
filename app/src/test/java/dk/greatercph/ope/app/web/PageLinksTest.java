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
}
