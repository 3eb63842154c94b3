package dk.greatercph.ope.platform.webhook;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a webhook may point, with a resolver that answers what a test says a name resolves to. */
class WebhookTargetsTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "crm.example.com", List.of("93.184.216.34"),
            "1.2.example.com", List.of("93.184.216.34"),
            "rebinding.example.com", List.of("93.184.216.34", "10.1.2.3"),
            "metadata.example.com", List.of("169.254.169.254"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "ula.example.com", List.of("fd12:3456:789a::1"));

    private static WebhookTargets targets(boolean requireHttps, boolean allowPrivate, Set<String> allowed) {
        return new WebhookTargets(requireHttps, allowPrivate, allowed, host -> {
            List<String> addresses = DNS.get(host);
            if (addresses == null) {
                // literal addresses resolve to themselves, as the JDK resolves them
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return List.of(InetAddress.getByName(host));
                }
                throw new UnknownHostException(host);
            }
            List<InetAddress> resolved = new java.util.ArrayList<>();
            for (String address : addresses) {
                resolved.add(InetAddress.getByName(address));
            }
            return resolved;
        });
    }

    @Test
    void outsideTheEmbeddedDefaultOnlyHttpsToPublicAddressesIsAccepted() {
        WebhookTargets production = targets(true, false, Set.of());
        assertThat(production.check("https://crm.example.com/hooks/ope").toString())
                .isEqualTo("https://crm.example.com/hooks/ope");
        assertThat(production.check("https://v6.example.com/hook").getHost()).isEqualTo("v6.example.com");
        assertCode(() -> production.check("http://crm.example.com/hooks/ope"), "WEBHOOK_URL_NOT_HTTPS");
    }

    @Test
    void everyResolvedAddressMustBePublic() {
        WebhookTargets production = targets(true, false, Set.of());
        assertCode(() -> production.check("https://rebinding.example.com/hook"), "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertCode(() -> production.check("https://metadata.example.com/latest"), "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        assertCode(() -> production.check("https://ula.example.com/hook"), "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.1.1",
                "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "[::1]", "[fe80::1]", "[fc00::1]",
                "[::ffff:192.168.0.1]", "[ff02::1]", "198.18.0.1")) {
            assertCode(() -> production.check("https://" + internal + "/hook"), "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        }
        assertCode(() -> production.check("https://unknown.example.com/hook"), "WEBHOOK_URL_UNRESOLVABLE");
    }

    @Test
    void internalAddressesOnlyWhenConfiguredOneByOneOrAltogether() {
        WebhookTargets oneAllowed = targets(false, false, Set.of("127.0.0.1"));
        assertThat(oneAllowed.check("http://127.0.0.1:8089/hook").getPort()).isEqualTo(8089);
        assertCode(() -> oneAllowed.check("http://127.0.0.2/hook"), "WEBHOOK_URL_FORBIDDEN_ADDRESS");
        WebhookTargets allPrivate = targets(false, true, Set.of());
        assertThat(allPrivate.check("http://10.0.0.1/hook").getHost()).isEqualTo("10.0.0.1");
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutCredentialsOrFragments() {
        WebhookTargets lenient = targets(false, true, Set.of());
        for (String bad : List.of("", "ftp://crm.example.com/x", "file:///etc/passwd", "//crm.example.com/x",
                "https://user:pw@crm.example.com/x", "https://crm.example.com/x#frag", "mailto:a@b.c",
                "https://crm.example.com/a b", "gopher://crm.example.com/", "https://crm.example.com:0/x",
                "https://crm.example.com:65536/x", "https://93.184.216.34:99999/x", "http://0177.0.0.1/x",
                "http://0x7f.0.0.1/x", "http://2130706433/x", "http://127.1/x", "http://93.184.216.034/x",
                "http://256.1.1.1/x", "https://93.184.216.34:08443/x", "https://crm.example.com:008443/x")) {
            assertCode(() -> lenient.check(bad), "WEBHOOK_URL_INVALID");
        }
    }

    @Test
    void anAddressInDigitsWrittenAsFourDecimalNumbersAndAnyRealPortAreAccepted() {
        WebhookTargets lenient = targets(false, true, Set.of());
        assertThat(lenient.check("http://93.184.216.34:65535/x").getPort()).isEqualTo(65535);
        assertThat(lenient.check("http://10.0.0.1:1/x").getPort()).isEqualTo(1);
        assertThat(lenient.check("https://1.2.example.com/x").getHost()).isEqualTo("1.2.example.com");
    }

    private static void assertCode(Runnable check, String code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainProblem.class, problem -> {
            assertThat(problem.details().code()).isEqualTo(code);
            assertThat(problem.details().field()).isEqualTo("url");
        });
    }
}
