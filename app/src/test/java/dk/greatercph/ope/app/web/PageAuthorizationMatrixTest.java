package dk.greatercph.ope.app.web;

import dk.greatercph.ope.app.support.OpeIntegrationTest;
import dk.greatercph.ope.app.web.support.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page against every role: the status each role gets, as the API's rules decide it. A page added without a
 * row here fails {@link #everyPageHasARow()}. Pages with an id in their address are listed with a path that finds
 * nothing, so the API's answer (404 for a role that may look, 403 for one that may not) is what the page says.
 */
@OpeIntegrationTest
class PageAuthorizationMatrixTest {

    static final String[] ROLES = {"desk", "clean", "auditor", "admin"};

    /** page address → status for desk, operator (clean), auditor, admin. */
    static final Map<String, int[]> PAGES = Map.ofEntries(
            Map.entry("/board", new int[]{200, 403, 200, 403}),
            Map.entry("/account", new int[]{200, 200, 200, 200}),
            Map.entry("/inbox", new int[]{200, 200, 200, 403}),
            Map.entry("/audit", new int[]{200, 403, 200, 403}),
            Map.entry("/audit/NO-SUCH-ID/NO-SUCH-ID", new int[]{404, 403, 404, 403}),
            Map.entry("/audit/integrity", new int[]{200, 403, 200, 403}),
            Map.entry("/audit/export", new int[]{200, 403, 200, 403}),
            Map.entry("/audit/personal-data-reads", new int[]{200, 403, 200, 403}),
            Map.entry("/admin/projections", new int[]{403, 403, 403, 200}),
            Map.entry("/admin/projections/NO-SUCH-ID", new int[]{403, 403, 403, 404}),
            Map.entry("/admin/dead-letters", new int[]{403, 403, 403, 200}),
            Map.entry("/requests/new", new int[]{200, 403, 403, 403}),
            Map.entry("/delegations/NO-SUCH-ID", new int[]{404, 404, 404, 403}),
            Map.entry("/delegations/NO-SUCH-ID/programme", new int[]{404, 404, 404, 403}),
            Map.entry("/schedule", new int[]{200, 200, 200, 403}),
            Map.entry("/escalations", new int[]{200, 403, 200, 403}),
            Map.entry("/places", new int[]{200, 200, 200, 403}),
            Map.entry("/places/venues/NO-SUCH-ID", new int[]{404, 403, 403, 403}),
            Map.entry("/places/partners/NO-SUCH-ID", new int[]{404, 403, 403, 403}),
            Map.entry("/operators", new int[]{200, 403, 200, 403}),
            Map.entry("/trips", new int[]{200, 403, 200, 403}),
            Map.entry("/trips/new", new int[]{200, 403, 403, 403}),
            Map.entry("/trips/NO-SUCH-ID", new int[]{404, 403, 404, 403}),
            Map.entry("/kpi", new int[]{200, 403, 200, 403}),
            Map.entry("/persons/NO-SUCH-ID", new int[]{404, 403, 404, 404}),
            Map.entry("/reports/annual", new int[]{200, 403, 200, 403}),
            Map.entry("/reports/annual/download", new int[]{200, 403, 200, 403}),
            Map.entry("/imports", new int[]{200, 403, 403, 403}),
            Map.entry("/imports/NO-SUCH-ID", new int[]{404, 403, 404, 403}),
            Map.entry("/notifications", new int[]{200, 200, 200, 403}),
            Map.entry("/admin/notifications", new int[]{403, 403, 403, 200}));

    /** Page mappings that are not pages a person opens (the stream, the sign-in and the landing redirect). */
    static final Set<String> NOT_PAGES = Set.of("/live", "/login", "/", "/logout");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<String> pages() {
        return PAGES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void eachRoleGetsWhatTheApiAllowsIt(String page) {
        int[] expected = PAGES.get(page);
        for (int i = 0; i < ROLES.length; i++) {
            PageSession session = PageSession.signedIn(port, ROLES[i]);
            PageSession.Page answer = session.get(page);
            assertThat(answer.status()).as("%s as %s", page, ROLES[i]).isEqualTo(expected[i]);
            if (answer.body().contains("<html")) {
                // one main landmark, the skip link's target: the layout wrapped each page's own main in another
                assertThat(answer.body().split("<main", -1)).as("%s as %s", page, ROLES[i]).hasSize(2);
                assertThat(answer.body()).contains("<main id=\"main\" tabindex=\"-1\"");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void nobodySignedInIsSentToTheSignIn(String page) {
        PageSession.Page answer = PageSession.anonymous(port).get(page);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/login");
    }

    @Test
    void everyPageHasARow() {
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dk.greatercph.ope.web")) {
                continue;
            }
            boolean get = mapping.getKey().getMethodsCondition().getMethods().isEmpty()
                    || mapping.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
            if (!get) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                String page = pattern.replaceAll("\\{[^}]+}", "NO-SUCH-ID");
                if (!NOT_PAGES.contains(pattern) && !PAGES.containsKey(page)) {
                    missing.add(page);
                }
            }
        }
        assertThat(missing).as("pages without a row in PAGES").isEmpty();
    }
}
