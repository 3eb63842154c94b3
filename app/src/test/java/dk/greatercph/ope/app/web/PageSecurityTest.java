package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.EventLog;
import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.support.Requests;
import dk.greatercph.ope.app.web.support.PageSession;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' session and browser-facing defences, over plain HTTP: CSRF on the sign-in and on every page form, the
 * session id changing at sign-in, logout and the idle timeout ending a session, the session cookie's flags, the
 * sign-in form's throttling, the API refusing the page session, the Content-Security-Policy kept by every page, and
 * no personal data in any address a page links to.
 */
@OpeIntegrationTest
class PageSecurityTest {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)(\\s[^>]*)?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "hx-get",
            "hx-post", "hx-put", "hx-patch", "hx-delete", "sse-connect", "data-href", "data-url", "hx-push-url");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext server;

    @Autowired
    EventLog events;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    // --- CSRF ---------------------------------------------------------------------------------------------------

    @Test
    void signingInWithoutOrWithAWrongCsrfTokenIsForbidden() {
        for (String token : new String[]{null, "not-the-token"}) {
            PageSession session = PageSession.anonymous(port);
            assertThat(session.get("/login").csrf()).isNotNull();
            PageSession.Page answer = session.form("/login", Map.of("username", "desk", "password", "desk"), token);
            assertThat(answer.status()).as("token %s", token).isEqualTo(403);
            assertThat(session.get("/board").status()).as("still not signed in").isEqualTo(302);
        }
    }

    static Stream<String> pagePosts(RequestMappingHandlerMapping mappings) {
        Set<String> posts = new TreeSet<>(List.of("/login", "/logout"));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dk.greatercph.ope.web")) {
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                    mapping.getKey().getMethodsCondition().getMethods();
            if (methods.stream().anyMatch(m -> !m.name().equals("GET") && !m.name().equals("HEAD"))) {
                posts.addAll(mapping.getKey().getPatternValues());
            }
        }
        return posts.stream();
    }

    @Test
    void everyPageFormPostedWithoutItsCsrfTokenIsForbiddenAndChangesNothing() {
        Api desk = new Api(port).as("desk");
        String delegation = desk.post("/api/delegations", Requests.delegation("CSRF " + UUID.randomUUID()))
                .header("Location").replaceFirst(".*/", "");
        long before = events.version(delegation);
        List<String> posts = pagePosts(mappings).toList();
        PageSession session = PageSession.signedIn(port, "desk");
        for (String pattern : posts) {
            String path = pattern.replaceAll("\\{[^}]+}", delegation);
            Map<String, String> fields = Map.of("reason", "x", "name", "x", "status", "SCREENED");
            assertThat(session.form(path, fields, null).status()).as("POST %s without a token", path).isEqualTo(403);
            assertThat(session.form(path, fields, "forged").status()).as("POST %s, forged token", path).isEqualTo(403);
        }
        assertThat(events.version(delegation)).as("no event was appended to the delegation").isEqualTo(before);
        assertThat(session.get("/board").status()).as("a logout without its token did not end the session")
                .isEqualTo(200);
        System.out.println("page POSTs checked without a CSRF token: " + posts);
    }

    /**
     * A form loaded in a session that then ended (the idle timeout, a restart, a sign-out elsewhere) was answered by
     * the API's bare JSON 403, and an htmx form did nothing at all: the user's action was lost without a word.
     */
    @Test
    void aFormOfASessionThatEndedIsRefusedInWordsAndAnHtmxFormGoesToTheSignIn() {
        PageSession desk = PageSession.signedIn(port, "desk");
        String token = desk.get("/places").csrf();
        assertThat(desk.post("/logout", Map.of()).status()).isEqualTo(302);
        Map<String, String> venue = Map.of("name", "Expired " + UUID.randomUUID(), "capacity", "3");

        PageSession.Page plain = desk.form("/places/venues", venue, token);
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.header("Content-Type")).startsWith("text/html");
        assertThat(plain.body()).contains("Formularen er udløbet", "href=\"/login?expired\"");

        PageSession.Page htmx = desk.form("/places/venues", venue, token, Map.of("HX-Request", "true"));
        assertThat(htmx.status()).isEqualTo(403);
        assertThat(htmx.header("HX-Redirect")).isEqualTo("/login?expired");

        PageSession signedIn = PageSession.signedIn(port, "desk");
        PageSession.Page stale = signedIn.form("/places/venues", venue, "from-an-earlier-session",
                Map.of("Referer", "http://localhost:" + port + "/places?lang=en"));
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.body()).contains("Hent siden igen", "href=\"/places?lang=en\"");
    }

    // --- the session --------------------------------------------------------------------------------------------

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsWorthNothing() {
        Raw raw = new Raw();
        HttpResponse<String> login = raw.get("/login", Map.of());
        String before = sessionId(login);
        assertThat(before).as("the sign-in page keeps its CSRF token in a session").isNotNull();

        HttpResponse<String> signedIn = raw.post("/login", Map.of("Cookie", "JSESSIONID=" + before),
                Map.of("username", "desk", "password", "desk", "_csrf", csrf(login.body())));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        String after = sessionId(signedIn);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(raw.get("/board", Map.of("Cookie", "JSESSIONID=" + after)).statusCode()).isEqualTo(200);
        assertThat(raw.get("/board", Map.of("Cookie", "JSESSIONID=" + before)).statusCode()).isEqualTo(302);
    }

    /** The redirect to the sign-in names no host: one built from the Host header sent users wherever it named. */
    @Test
    void theRedirectToTheSignInIsRelativeWhateverTheHostHeader() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /board HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 302").contains("\r\nLocation: /login\r\n")
                    .doesNotContain("evil.example");
        }
    }

    /** Back to the page first asked for, as a path: the saved URL named the Host header's host. */
    @Test
    void theRedirectAfterSignInIsThePathFirstAskedForWhateverTheHostHeader() throws IOException {
        String session;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /schedule HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher cookie = java.util.regex.Pattern.compile("JSESSIONID=([^;\\r]+)").matcher(answer);
            assertThat(cookie.find()).as(answer).isTrue();
            session = cookie.group(1);
        }
        Raw raw = new Raw();
        HttpResponse<String> login = raw.get("/login", Map.of("Cookie", "JSESSIONID=" + session));

        HttpResponse<String> signedIn = raw.post("/login", Map.of("Cookie", "JSESSIONID=" + session),
                Map.of("username", "desk", "password", "desk", "_csrf", csrf(login.body())));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith("/schedule")
                .doesNotContain("evil.example");
    }

    /** One signed-in user opened 1,500 live streams in 11 s, each held for 30 minutes: at most 20 are open. */
    @Test
    void oneUserHasAtMostTwentyLiveStreamsOpen() throws IOException {
        String session = new Raw().signIn("region", Map.of());
        List<Socket> open = new java.util.ArrayList<>();
        try {
            int served = 0;
            String refused = null;
            for (int i = 0; i < 30 && refused == null; i++) {
                Socket socket = new Socket("localhost", port);
                open.add(socket);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                        + "Cookie: JSESSIONID=" + session + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();
                if (status.startsWith("HTTP/1.1 200")) {
                    served++;
                } else {
                    refused = status;
                }
            }
            assertThat(refused).as("after %d streams", served).startsWith("HTTP/1.1 429");
            assertThat(served).isLessThanOrEqualTo(20);
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void logoutEndsTheSession() {
        Raw raw = new Raw();
        String session = raw.signIn("desk", Map.of());
        HttpResponse<String> board = raw.get("/board", Map.of("Cookie", "JSESSIONID=" + session));
        assertThat(board.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = raw.post("/logout", Map.of("Cookie", "JSESSIONID=" + session),
                Map.of("_csrf", csrf(board.body())));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        HttpResponse<String> after = raw.get("/board", Map.of("Cookie", "JSESSIONID=" + session));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anHtmxRequestAfterTheSessionEndedSendsTheWholePageToTheSignIn() {
        PageSession session = PageSession.signedIn(port, "desk");
        assertThat(session.getFragment("/board").status()).isEqualTo(200);
        assertThat(session.get("/board").status()).isEqualTo(200);
        assertThat(session.post("/logout", Map.of()).status()).isEqualTo(302);

        PageSession.Page fragment = session.getFragment("/board");

        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).isEqualTo("/login?expired");
    }

    @Test
    void anIdleSessionExpiresAfterTheConfiguredTimeout() throws InterruptedException {
        Raw raw = new Raw();
        String id = raw.signIn("auditor", Map.of());
        Session session = tomcatSession(id);
        assertThat(session.getMaxInactiveInterval()).as("server.servlet.session.timeout, 30 minutes by default")
                .isEqualTo(30 * 60);
        assertThat(raw.get("/board", Map.of("Cookie", "JSESSIONID=" + id)).statusCode()).isEqualTo(200);

        // the same lapse, made short: one second of idleness
        session.setMaxInactiveInterval(1);
        Thread.sleep(2_500);

        HttpResponse<String> after = raw.get("/board", Map.of("Cookie", "JSESSIONID=" + id));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureWhenServedOverHttps() {
        Raw raw = new Raw();
        String plain = raw.get("/login", Map.of()).headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");

        Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
        HttpResponse<String> login = raw.get("/login", https);
        String secure = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(secure).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure");
        HttpResponse<String> signedIn = raw.post("/login", Map.of("X-Forwarded-Proto", "https",
                "Cookie", "JSESSIONID=" + sessionId(login)),
                Map.of("username", "desk", "password", "desk", "_csrf", csrf(login.body())));
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    /** A mistyped password brought back an empty form: the user name had to be typed again. */
    @Test
    void aRefusedSignInKeepsTheUserNameOnceAndPutsTheCursorInThePassword() {
        PageSession visitor = PageSession.anonymous(port);
        String token = visitor.get("/login").csrf();
        PageSession.Page refused = visitor.form("/login", Map.of("username", "desk", "password", "wrong"), token);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error").doesNotContain("desk");

        String again = visitor.get("/login?error").body();
        assertThat(again).containsPattern("id=\"username\"[^>]*value=\"desk\"")
                .containsPattern("id=\"password\"[^>]*autofocus");
        assertThat(visitor.get("/login").body()).doesNotContainPattern("id=\"username\"[^>]*value=\"desk\"");
    }

    @Test
    void guessingPasswordsOnTheFormIsThrottledAndTheFormSaysSo() {
        Raw raw = new Raw();
        // from an address of its own, so that other tests' sign-ins from the loopback address are not held back
        Map<String, String> from = Map.of("X-Forwarded-For", "10.%d.%d.%d".formatted(
                ThreadLocalRandom.current().nextInt(256), ThreadLocalRandom.current().nextInt(256),
                ThreadLocalRandom.current().nextInt(1, 255)));
        HttpResponse<String> login = raw.get("/login", from);
        Map<String, String> headers = new java.util.HashMap<>(from);
        headers.put("Cookie", "JSESSIONID=" + sessionId(login));
        String user = "guess-" + UUID.randomUUID();
        String token = csrf(login.body());
        List<String> answers = new ArrayList<>();
        String last = null;
        for (int attempt = 1; attempt <= 15 && (last == null || !last.endsWith("throttled")); attempt++) {
            last = raw.post("/login", headers, Map.of("username", user, "password", "wrong" + attempt, "_csrf", token))
                    .headers().firstValue("Location").orElse("");
            answers.add(last.replaceFirst(".*/login", "/login"));
        }
        System.out.println("sign-in answers while guessing: " + answers);
        assertThat(answers.get(0)).isEqualTo("/login?error");
        assertThat(answers).last().isEqualTo("/login?throttled");
        assertThat(answers).hasSize(11);

        HttpResponse<String> page = raw.get("/login?throttled&lang=en", headers);
        assertThat(page.body()).contains("role=\"alert\"").contains("Too many failed attempts");
    }

    @Test
    void theApiDoesNotAcceptThePageSession() {
        PageSession session = PageSession.signedIn(port, "desk");
        assertThat(session.get("/board").status()).isEqualTo(200);

        PageSession.Page api = session.get("/api/delegations");

        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"UNAUTHENTICATED\"");
    }

    /**
     * The API is stateless: a call with Basic credentials that also carries a page's session cookie (Swagger UI in the
     * same browser) leaves the session as it is. Spring's session fixation protection changed its id, so the page's
     * cookie no longer named it and the user was signed out.
     */
    @Test
    void anApiCallWithBasicCredentialsLeavesThePageSessionAlone() {
        PageSession session = PageSession.signedIn(port, "desk");
        assertThat(session.get("/board").status()).isEqualTo(200);

        PageSession.Page api = session.get("/api/delegations?limit=1", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8))));

        assertThat(api.status()).isEqualTo(200);
        assertThat(api.raw().headers().allValues("Set-Cookie")).isEmpty();
    }

    /** A page's own parameter that does not read as its type is a page saying so, not the API's problem JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"/trips/TRP-x?v=abc", "/delegations/DEL-x?minVersion=abc"})
    void aPageParameterOfTheWrongTypeIsA400Page(String path) {
        PageSession.Page page = PageSession.signedIn(port, "desk").get(path);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<main");
    }

    // --- what pages contain -------------------------------------------------------------------------------------

    static Stream<String> pages() {
        return PageAuthorizationMatrixTest.PAGES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageKeepsTheContentSecurityPolicy(String page) {
        int[] statuses = PageAuthorizationMatrixTest.PAGES.get(page);
        int role = 0;
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == 200 || (statuses[role] != 200 && statuses[i] == 404)) {
                role = i;
                if (statuses[i] == 200) {
                    break;
                }
            }
        }
        PageSession session = PageSession.signedIn(port, PageAuthorizationMatrixTest.ROLES[role]);
        PageSession.Page answer = session.get(withRealIds(page, session));

        assertThat(answer.status()).isLessThan(500);
        assertThat(answer.header("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(inlineCode(answer.body())).as("inline code on %s", page).isEmpty();
    }

    /** Every tag or attribute the policy would refuse to run or apply. */
    static List<String> inlineCode(String html) {
        List<String> found = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String name = tags.group(1).toLowerCase();
            String attributes = tags.group(2) == null ? "" : tags.group(2);
            Map<String, String> parsed = attributes(attributes);
            if (name.equals("script") && !parsed.containsKey("src")) {
                found.add(tags.group());
            }
            if (name.equals("style")) {
                found.add(tags.group());
            }
            for (String attribute : parsed.keySet()) {
                String lower = attribute.toLowerCase();
                if (lower.equals("style") || lower.matches("on[a-z]+") || lower.startsWith("hx-on")
                        || lower.startsWith("data-hx-on")) {
                    found.add(name + " " + attribute);
                }
                if (URL_ATTRIBUTES.contains(lower) && parsed.get(attribute).trim().toLowerCase().startsWith("javascript:")) {
                    found.add(name + " " + attribute + "=javascript:");
                }
            }
        }
        return found;
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        while (matcher.find()) {
            String value = matcher.group(2) == null ? "" : matcher.group(2);
            if (value.startsWith("\"") || value.startsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            attributes.put(matcher.group(1), value.replace("&amp;", "&"));
        }
        return attributes;
    }

    @Test
    void theCheckFindsInlineCode() {
        assertThat(inlineCode("<p style=\"color:red\">x</p><script>alert(1)</script><script src=\"/js/a.js\"></script>"
                + "<button onclick=\"x()\" hx-on:click=\"y()\">b</button><style>p{}</style><a href=\"javascript:x()\">a</a>"))
                .containsExactly("p style", "<script>", "button onclick", "button hx-on:click", "<style>",
                        "a href=javascript:");
        assertThat(inlineCode("<script src=\"/js/a.js\" defer></script><p class=\"one\" data-online=\"x\">on=1</p>"))
                .isEmpty();
    }

    @Test
    void noAddressOnAnyPageCarriesAMembersNameOrEmail() {
        Api desk = new Api(port).as("desk");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String delegation = desk.post("/api/delegations", Requests.delegation("Privacy " + marker))
                .header("Location").replaceFirst(".*/", "");
        String name = "Wang Fang" + marker;
        String email = "wang.fang." + marker + "@example.cn";
        assertThat(desk.post("/api/delegations/" + delegation + "/members", """
                {"name":"%s","title":"Director","email":"%s","organisation":"Jiangsu","contact":true}"""
                .formatted(name, email)).status()).isEqualTo(201);
        // the delegation's page shows its members once the board and the personal-data projection hold them: crawl
        // after both, or the pages are read before they could carry the name at all
        assertThat(desk.getUntil("/api/delegations/" + delegation + "?minVersion=1", r -> r.status() == 200,
                Duration.ofSeconds(10)).status()).isEqualTo(200);
        assertThat(desk.getUntil("/api/delegations/" + delegation + "/members", r -> r.status() == 200
                && r.body().contains(email), Duration.ofSeconds(10)).body()).contains(email);

        List<String> offending = new ArrayList<>();
        int visited = 0;
        for (String role : List.of("desk", "auditor", "admin")) {
            PageSession session = PageSession.signedIn(port, role);
            Deque<String> queue = new ArrayDeque<>();
            Set<String> seen = new LinkedHashSet<>();
            pages().map(page -> page.replace("NO-SUCH-ID", delegation)).forEach(queue::add);
            while (!queue.isEmpty() && seen.size() < 80) {
                String path = queue.poll();
                if (!seen.add(path)) {
                    continue;
                }
                PageSession.Page page = session.get(path);
                visited++;
                if (page.status() != 200 || !page.header("Content-Type").startsWith("text/html")) {
                    continue;
                }
                for (String url : urls(page.body())) {
                    String decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8).toLowerCase();
                    if (decoded.contains(name.toLowerCase()) || decoded.contains(email.toLowerCase())
                            || decoded.contains(marker + "@")) {
                        offending.add(role + " on " + path + ": " + url);
                    }
                    if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/logout")
                            && !url.startsWith("/webjars") && !url.startsWith("/css") && !url.startsWith("/js")
                            && !url.startsWith("/live")) {
                        queue.add(url.replaceFirst("#.*", ""));
                    }
                }
            }
        }
        System.out.println("pages read for personal data in addresses: " + visited);
        assertThat(offending).isEmpty();
    }

    static List<String> urls(String html) {
        List<String> urls = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            attributes(tags.group(2) == null ? "" : tags.group(2)).forEach((attribute, value) -> {
                if (URL_ATTRIBUTES.contains(attribute.toLowerCase()) && !value.isBlank()) {
                    urls.add(value);
                }
            });
        }
        return urls;
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The page with a real delegation in place of NO-SUCH-ID when that finds something, else as it is. */
    private String withRealIds(String page, PageSession session) {
        if (!page.contains("NO-SUCH-ID")) {
            return page;
        }
        Api desk = new Api(port).as("desk");
        String delegation = desk.post("/api/delegations", Requests.delegation("CSP " + UUID.randomUUID()))
                .header("Location").replaceFirst(".*/", "");
        String real = page.replace("NO-SUCH-ID", delegation);
        return session.get(real).status() == 200 ? real : page;
    }

    private Session tomcatSession(String id) {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        Context context = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        try {
            Session session = context.getManager().findSession(id);
            assertThat(session).as("the session %s", id).isNotNull();
            return session;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sessionId(HttpResponse<String> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION_COOKIE.matcher(cookie);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"(?:_csrf\" value|csrf-token\" content)=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    /** Requests with exactly the cookies and headers a test names (the session cookie by hand). */
    private final class Raw {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
            headers.forEach(request::header);
            return send(request.build());
        }

        HttpResponse<String> post(String path, Map<String, String> headers, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            headers.forEach(request::header);
            return send(request.build());
        }

        /** Signs in through the form; the new session's id. */
        String signIn(String user, Map<String, String> headers) {
            HttpResponse<String> login = get("/login", headers);
            Map<String, String> withCookie = new java.util.HashMap<>(headers);
            withCookie.put("Cookie", "JSESSIONID=" + sessionId(login));
            HttpResponse<String> answer = post("/login", withCookie,
                    Map.of("username", user, "password", user, "_csrf", csrf(login.body())));
            assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("/login");
            return sessionId(answer);
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
