package dk.greatercph.ope.platform.webhook;

import dk.greatercph.ope.platform.problem.DomainProblem;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may point, checked when it is subscribed and again before every delivery (a name may resolve
 * elsewhere later): an absolute http(s) URL, https unless allowed otherwise, whose host resolves only to public
 * unicast addresses. Loopback, link-local, site-local/unique-local, carrier-grade NAT, multicast, wildcard and
 * documentation ranges are refused unless private addresses are allowed, or the exact address is listed.
 */
public final class WebhookTargets {

    /** Resolves a host name to all its addresses; the JDK's resolver unless a test gives another. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean requireHttps;
    private final boolean allowPrivate;
    private final Set<String> allowedAddresses;
    private final Resolver resolver;

    public WebhookTargets(boolean requireHttps, boolean allowPrivate, Set<String> allowedAddresses, Resolver resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivate = allowPrivate;
        this.allowedAddresses = Set.copyOf(allowedAddresses);
        this.resolver = resolver;
    }

    public static WebhookTargets withSystemResolver(boolean requireHttps, boolean allowPrivate,
                                                    Set<String> allowedAddresses) {
        return new WebhookTargets(requireHttps, allowPrivate, allowedAddresses,
                host -> List.of(InetAddress.getAllByName(host)));
    }

    public boolean requiresHttps() {
        return requireHttps;
    }

    /** The URL as it will be called, or the refusal naming the field {@code url}. */
    public URI check(String url) {
        URI uri = parse(url);
        addresses(uri);
        return uri;
    }

    /** Every address the URL's host resolves to, each one allowed; otherwise the refusal. */
    public List<InetAddress> addresses(URI uri) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host(uri));
        } catch (UnknownHostException e) {
            throw DomainProblem.invalid(WebhookProblem.WEBHOOK_URL_UNRESOLVABLE, "url",
                    "Field 'url': the host '" + uri.getHost() + "' does not resolve.");
        }
        if (addresses.isEmpty()) {
            throw DomainProblem.invalid(WebhookProblem.WEBHOOK_URL_UNRESOLVABLE, "url",
                    "Field 'url': the host '" + uri.getHost() + "' does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !allowPrivate && !allowedAddresses.contains(address.getHostAddress())) {
                throw DomainProblem.invalid(WebhookProblem.WEBHOOK_URL_FORBIDDEN_ADDRESS, "url",
                        "Field 'url': the host '" + uri.getHost() + "' resolves to " + address.getHostAddress()
                                + ", an internal address that webhooks may not call.");
            }
        }
        return addresses;
    }

    private URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > 2000 || url.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw invalid();
        }
        // a port no socket has was accepted, and every delivery then failed for a day
        // a port with leading zeros (:08443) is the same endpoint under another URL, which the check for a
        // webhook already subscribed did not see
        if (uri.getPort() == 0 || uri.getPort() > 65535 || ambiguousNumericHost(uri.getHost())
                || uri.getPort() > 0 && !uri.getRawAuthority().endsWith(":" + uri.getPort())) {
            throw invalid();
        }
        if (requireHttps && !scheme.equals("https")) {
            throw DomainProblem.invalid(WebhookProblem.WEBHOOK_URL_NOT_HTTPS, "url", "Field 'url': use https.");
        }
        return uri;
    }

    /**
     * A host in digits that is not four decimal numbers without leading zeros: {@code 0177.0.0.1} is 177.0.0.1 to
     * Java and 127.0.0.1 to the C library's resolver, {@code 0x7f.1} and {@code 2130706433} loopback to the latter.
     * What one reader calls allowed, another may call internal: such a host is refused.
     */
    private static boolean ambiguousNumericHost(String host) {
        String[] labels = host.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            numeric &= label.matches("[0-9]+|0[xX][0-9a-fA-F]*");
        }
        if (!numeric) {
            return false;
        }
        if (labels.length != 4) {
            return true;
        }
        for (String label : labels) {
            if (!label.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(label) > 255) {
                return true;
            }
        }
        return false;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static DomainProblem invalid() {
        return DomainProblem.invalid(WebhookProblem.WEBHOOK_URL_INVALID, "url",
                "Field 'url': an absolute http(s) URL with a host, a port from 1 to 65535 if any, no user information "
                        + "and no fragment; an address in digits is written as four decimal numbers (192.0.2.10).");
    }

    /** True for every address a request from inside the network must not reach on a subscriber's behalf. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                        // this network
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || (first == 198 && second == 51 && (b[2] & 0xff) == 100)
                    || (first == 203 && second == 0 && (b[2] & 0xff) == 113)
                    || (first == 192 && second == 88 && (b[2] & 0xff) == 99) // 6to4 relay anycast (deprecated)
                    || first >= 240;                                  // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                            // unique local fc00::/7
                return true;
            }
            int second = b[1] & 0xff;
            if (first == 0x20 && second == 0x01 && (b[2] & 0xfe) == 0x00) {
                return true;        // 2001::/23, IETF protocol assignments: Teredo (hides an IPv4 address), ORCHID, …
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return true;                                         // documentation 2001:db8::/32
            }
            if (first == 0x3f && second == 0xff && (b[2] & 0xf0) == 0) {
                return true;                                         // documentation 3fff::/20
            }
            if (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0
                    && b[7] == 0) {
                return true;                                         // discard-only 100::/64
            }
            if (first == 0x5f && second == 0x00) {
                return true;                                         // segment routing SIDs 5f00::/16
            }
            boolean mappedV4 = true;
            for (int i = 0; i < 10; i++) {
                mappedV4 &= b[i] == 0;
            }
            if (mappedV4 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            if (first == 0x00 || (first == 0x20 && (b[1] & 0xff) == 0x02)) {
                return true;                                         // ::/8 (compatible, NAT64 well-known) and 6to4
            }
        }
        return false;
    }
}
