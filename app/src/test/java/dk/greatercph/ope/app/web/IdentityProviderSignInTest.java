package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.OnePointEntryApplication;
import dk.greatercph.ope.app.web.support.Browser;
import dk.greatercph.ope.app.web.support.ChromiumPresent;
import dk.greatercph.ope.app.web.support.TinyOpenIdProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in to the pages through the identity provider that issues the API's JWTs, with a tiny OpenID provider
 * running inside this JVM ({@link TinyOpenIdProvider}).
 * <p>
 * This class starts a second Spring context, the only one besides the shared {@code @OpeIntegrationTest} context,
 * because the choice it is about is made at start: a configured JWT <em>issuer</em> replaces the pages' password
 * form by the provider's sign-in, and the shared context configures only a public key (and so keeps the form that
 * every other page test signs in with). The context is closed after the class, so that its processors and its
 * PostgreSQL do not keep running beside the shared context for the rest of the suite.
 */
@DirtiesContext
@SpringBootTest(classes = OnePointEntryApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ope.embedded-postgres.data-dir=target/it-postgres/${random.uuid}",
                "ope.embedded-postgres.port=0",
                "ope.web.oidc.client-id=" + IdentityProviderSignInTest.CLIENT_ID,
                "ope.web.oidc.client-secret=" + IdentityProviderSignInTest.CLIENT_SECRET
        })
class IdentityProviderSignInTest {

    static final String CLIENT_ID = "ope-pages";
    static final String CLIENT_SECRET = "pages-secret";
    static final TinyOpenIdProvider IDP = TinyOpenIdProvider.start(CLIENT_ID, CLIENT_SECRET);

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", IDP::issuer);
    }

    @AfterAll
    static void stopProvider() {
        IDP.close();
    }

    @LocalServerPort
    int port;

    @Test
    void theSignInPageOffersTheIdentityProviderInsteadOfThePasswordForm() {
        Visitor visitor = new Visitor();
        HttpResponse<String> login = visitor.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("href=\"/oauth2/authorization/ope\"").doesNotContain("name=\"password\"");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + IDP.issuer()).doesNotContain("unsafe-inline");
    }

    @Test
    void aDeskOfficerSignedInAtTheProviderUsesTheBoardAsTheDesk() {
        String name = "mette-" + UUID.randomUUID();
        IDP.signInNext(Map.of("preferred_username", name, "ope_role", "DESK"));
        Visitor visitor = new Visitor();
        assertThat(visitor.get("/board").statusCode()).isEqualTo(302);

        List<String> hops = visitor.signIn();

        assertThat(hops.get(0)).startsWith(IDP.issuer() + "/authorize?");
        String authorize = IDP.authorizeQueries.get(IDP.authorizeQueries.size() - 1);
        assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("client_id=" + CLIENT_ID).contains("nonce=");
        assertThat(IDP.log).contains("token pkce=ok");
        assertThat(hops).as("back to the page that asked for the sign-in").last().asString().contains("/board");
        HttpResponse<String> board = visitor.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(name + " (");
    }

    @Test
    void anOperatorSignedInAtTheProviderGetsWhatTheOperatorRoleGets() {
        String name = "li-" + UUID.randomUUID();
        IDP.signInNext(Map.of("preferred_username", name, "ope_role", "operator", "ope_operator_id", "clean"));
        Visitor visitor = new Visitor();
        visitor.signIn();
        HttpResponse<String> account = visitor.get("/account?lang=en");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(name + " (operator)");
        assertThat(visitor.get("/board").statusCode()).as("the board is the desk's and the auditor's").isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource({
            "NO_ROLE,       someone,  ,         ,      you have no role in One-Point-Entry",
            "UNKNOWN_ROLE,  someone,  MAYOR,    ,      is not a role in One-Point-Entry",
            "RESERVED_NAME, system,   DESK,     ,      is reserved for the system",
            "NO_OPERATOR,   someone,  OPERATOR, ,      does not say which operator you work for"
    })
    void claimsTheApiWouldRefuseEndOnTheSignInPageSayingWhy(String reason, String user, String role,
                                                            String operator, String words) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", user);
        if (role != null) {
            claims.put("ope_role", role);
        }
        if (operator != null) {
            claims.put("ope_operator_id", operator);
        }
        IDP.signInNext(claims);
        Visitor visitor = new Visitor();
        visitor.get("/login?lang=en");

        List<String> hops = visitor.signIn();

        assertThat(hops).last().asString().endsWith("/login?refused=" + reason);
        HttpResponse<String> page = visitor.get("/login?refused=" + reason);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"alert\"").contains(words);
        assertThat(visitor.get("/board").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/board").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void logoutEndsTheLocalSessionAndAsksTheProviderToEndItsOwn() {
        IDP.signInNext(Map.of("preferred_username", "anna-" + UUID.randomUUID(), "ope_role", "AUDITOR"));
        Visitor visitor = new Visitor();
        visitor.signIn();
        HttpResponse<String> board = visitor.get("/board");
        assertThat(board.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = visitor.post("/logout", csrf(board.body()));

        assertThat(logout.statusCode()).isEqualTo(302);
        String location = logout.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(IDP.issuer() + "/logout?").contains("id_token_hint=");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("post_logout_redirect_uri=http://localhost:" + port + "/login?logout");
        List<String> back = visitor.follow(location);
        assertThat(back).last().asString().endsWith("/login?logout");
        assertThat(IDP.log).contains("end-session");
        HttpResponse<String> after = visitor.get("/board");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theApiDoesNotTakeThePageSession() {
        IDP.signInNext(Map.of("preferred_username", "jens-" + UUID.randomUUID(), "ope_role", "DESK"));
        Visitor visitor = new Visitor();
        visitor.signIn();
        assertThat(visitor.get("/board").statusCode()).isEqualTo(200);
        HttpResponse<String> api = visitor.get("/api/delegations");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    @Test
    void thePasswordFormIsNotAWayIn() {
        Visitor visitor = new Visitor();
        HttpResponse<String> login = visitor.get("/login");
        String token = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(login.body()).results()
                .map(m -> m.group(1)).findFirst().orElseThrow();
        HttpResponse<String> attempt = visitor.post("/login", Map.of("username", "desk", "password", "desk",
                "_csrf", token));
        assertThat(attempt.statusCode()).isNotEqualTo(302);
        assertThat(visitor.get("/board").statusCode()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"da", "en"})
    @ExtendWith(ChromiumPresent.class)
    void inABrowserThePersonSignsInAtTheProviderSignsOutThereAndIsToldWhyARoleIsMissing(String lang) {
        try (Browser browser = Browser.open("http://localhost:" + port, lang, getClass())) {
            IDP.signInNext(Map.of("preferred_username", "birgit-" + lang, "ope_role", "DESK"));
            browser.visit("/login?lang=" + lang, "sign-in-page");
            assertThat(browser.all(By.id("password"))).isEmpty();

            browser.find(By.cssSelector("a[href$='/oauth2/authorization/ope']")).click();
            browser.waitFor(driver -> driver.getCurrentUrl().contains("/board"));
            browser.check("board-after-provider-sign-in");
            assertThat(browser.text()).contains("birgit-" + lang);

            // the logout form is redirected to the provider's end of session: the policy's form-action must allow it
            browser.find(By.cssSelector("form.logout button[type=submit]")).click();
            browser.waitFor(driver -> driver.getCurrentUrl().contains("/login?logout"));
            assertThat(IDP.endSessionQueries).anyMatch(query -> query.contains("id_token_hint="));
            browser.check("signed-out");

            IDP.signInNext(Map.of("preferred_username", "nobody-" + lang));
            browser.find(By.cssSelector("a[href$='/oauth2/authorization/ope']")).click();
            browser.waitFor(driver -> driver.getCurrentUrl().contains("/login?refused=NO_ROLE"));
            browser.check("refused-no-role");
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .contains(lang.equals("da") ? "ingen rolle i One-Point-Entry" : "no role in One-Point-Entry");
        }
    }

    private static Map<String, String> csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return Map.of("_csrf", matcher.group(1));
    }

    /** One browser's cookies, following redirects by hand so that a test sees every hop. */
    private final class Visitor {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String pathOrUrl) {
            String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl;
            return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        /** Starts the sign-in at the provider and follows every redirect; the addresses it went through. */
        List<String> signIn() {
            HttpResponse<String> start = get("/oauth2/authorization/ope");
            assertThat(start.statusCode()).isEqualTo(302);
            return follow(start.headers().firstValue("Location").orElseThrow());
        }

        List<String> follow(String location) {
            List<String> hops = new ArrayList<>();
            String next = location;
            for (int i = 0; i < 10 && next != null; i++) {
                String url = next.startsWith("/") ? "http://localhost:" + port + next : next;
                hops.add(url);
                HttpResponse<String> answer = get(url);
                next = answer.statusCode() / 100 == 3 ? answer.headers().firstValue("Location").orElse(null) : null;
            }
            return hops;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
