package dk.greatercph.ope.app.bench;

import dk.greatercph.ope.app.support.Api;
import dk.greatercph.ope.app.support.BenchmarkApplication;
import dk.greatercph.ope.app.support.DelegationEvents;
import dk.greatercph.ope.app.web.support.PageSession;
import dk.greatercph.ope.events.delegation.AssignmentRole;
import dk.greatercph.ope.events.delegation.Channel;
import dk.greatercph.ope.events.delegation.DelegationId;
import dk.greatercph.ope.events.delegation.DelegationType;
import dk.greatercph.ope.events.delegation.PoliticalLevel;
import dk.greatercph.ope.events.delegation.Theme;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.postgres.EmbeddedPostgresServer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints how long each page takes to serve at scale: appends N delegations (first argument, default 10000) with
 * realistic variety (statuses from registered to accepted, five operators, every theme, several countries and
 * provinces, programme items on about a fifth, some offers overdue) straight to a fresh embedded PostgreSQL, waits
 * until every projection has caught up, then requests each page R times (second argument, default 200) after a
 * warm-up, signed in as a role that may see it, and prints p50/p95/p99 per page plus the script the page loads
 * (the sum of its {@code <script src>} files). Times are measured on the client, over loopback, one request at a
 * time: they include the HTTP round trip and HTML transfer, not only server work. A program, not a test; see
 * docs/web-security-and-speed.md for the command.
 * <p>
 * The pages are discovered from the running application (every GET mapping of the web module, as
 * {@code PageAuthorizationMatrixTest} does), so pages other engineers add are measured too; the board is also
 * measured with filters, a search and as the fragment its live updates reload.
 */
public final class PageBenchmark {

    private static final String[] OPERATORS = {"clean", "chc", "copcap", "woco", "region"};
    private static final String[] ROLES = {"desk", "clean", "auditor", "admin"};
    private static final Set<String> NOT_PAGES = Set.of("/live", "/login", "/", "/logout");
    private static final String[][] ORIGINS = {
            {"CN", "Jiangsu", "Nanjing"}, {"CN", "Guangdong", "Shenzhen"}, {"CN", "Zhejiang", "Hangzhou"},
            {"CN", "Beijing", "Beijing"}, {"CN", "Shanghai", "Shanghai"}, {"CN", "Sichuan", "Chengdu"},
            {"VN", "Hanoi", "Hanoi"}, {"IN", "Karnataka", "Bengaluru"}, {"JP", "Tokyo", "Tokyo"},
            {"KR", "Seoul", "Seoul"}};
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
    private static final double TARGET_P95_MS = 100;
    private static final long TARGET_SCRIPT_BYTES = 200 * 1024;

    private PageBenchmark() {
    }

    private record Target(String label, String path, boolean fragment) {
    }

    private record Result(String label, String role, int status, double p50, double p95, double p99, double max,
                          int htmlBytes, long scriptBytes) {
    }

    public static void main(String[] args) throws Exception {
        int delegations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path data = Path.of("target", "benchmark-postgres", UUID.randomUUID().toString());
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
             ConfigurableApplicationContext app = BenchmarkApplication.on(postgres.jdbcUrl())) {
            int port = BenchmarkApplication.port(app);
            long loadStart = System.nanoTime();
            String sample = load(app, delegations);
            System.out.printf("appended %d delegations in %.1f s%n", delegations, (System.nanoTime() - loadStart) / 1e9);
            long waitStart = System.nanoTime();
            awaitProjections(new Api(port).as("admin"));
            System.out.printf("projections caught up in %.1f s%n", (System.nanoTime() - waitStart) / 1e9);

            Map<String, PageSession> sessions = new LinkedHashMap<>();
            for (String role : ROLES) {
                sessions.put(role, PageSession.signedIn(port, role));
            }
            List<Result> results = new ArrayList<>();
            for (Target target : targets(app, sample)) {
                results.add(measure(port, sessions, target, rounds));
            }
            print(delegations, rounds, results);
        }
        System.exit(0);
    }

    /** Appends the delegations' events in batches; answers a delegation with a programme (for pages with an id). */
    private static String load(ConfigurableApplicationContext app, int delegations) {
        EventStore eventStore = app.getBean(EventStore.class);
        TransactionManager transactions = app.getBean(TransactionManager.class);
        MetaData actor = MetaData.with("actor", "benchmark").and("actorRole", "SYSTEM");
        Random random = new Random(42);
        Theme[] themes = Theme.values();
        DelegationType[] types = DelegationType.values();
        PoliticalLevel[] levels = PoliticalLevel.values();
        Channel[] channels = Channel.values();
        VenueId[] venues = new VenueId[30];
        PartnerId[] hosts = new PartnerId[30];
        for (int i = 0; i < venues.length; i++) {
            venues[i] = VenueId.newId();
            hosts[i] = PartnerId.newId();
        }
        String sample = null;
        int batch = 250;
        for (int start = 0; start < delegations; start += batch) {
            List<EventMessage<?>> messages = new ArrayList<>();
            for (int n = start; n < Math.min(delegations, start + batch); n++) {
                DelegationId id = DelegationId.newId();
                String[] origin = ORIGINS[random.nextInt(ORIGINS.length)];
                LocalDate from = LocalDate.of(2027, 1, 4).plusDays(random.nextInt(1000));
                LocalDate to = from.plusDays(1 + random.nextInt(5));
                Theme first = themes[random.nextInt(themes.length)];
                Theme second = themes[random.nextInt(themes.length)];
                List<Object> events = new ArrayList<>();
                events.add(DelegationEvents.registration(id, "Organisation " + n + " of " + origin[2])
                        .origin(origin[0], origin[1], origin[2]).type(types[random.nextInt(types.length)])
                        .level(levels[random.nextInt(levels.length)]).channel(channels[random.nextInt(channels.length)])
                        .headCount(2 + random.nextInt(30)).dates(from, to)
                        .themes(first == second ? new Theme[]{first} : new Theme[]{first, second}).event());
                int stage = random.nextInt(100);
                if (stage >= 15) {
                    events.add(DelegationEvents.screened(id, random.nextInt(10) == 0));
                }
                if (stage >= 30) {
                    String lead = OPERATORS[random.nextInt(OPERATORS.length)];
                    String supporting = OPERATORS[random.nextInt(OPERATORS.length)];
                    events.add(supporting.equals(lead) ? DelegationEvents.routed(id, lead)
                            : DelegationEvents.routed(id, lead, supporting));
                    Instant due = Instant.now().plus(random.nextInt(11) - 5, ChronoUnit.DAYS);
                    events.add(DelegationEvents.offered(id, lead, AssignmentRole.LEAD, due));
                    if (stage >= 55) {
                        events.add(DelegationEvents.accepted(id, lead, AssignmentRole.LEAD));
                        if (stage >= 80) {
                            for (int item = 1; item <= 2; item++) {
                                events.add(DelegationEvents.item(id, "I" + item, "Visit " + item,
                                        DelegationEvents.at(from, 8 + 2 * item, 0),
                                        DelegationEvents.at(from, 10 + 2 * item, 0),
                                        venues[random.nextInt(venues.length)], hosts[random.nextInt(hosts.length)]));
                            }
                            sample = id.value();
                        }
                    }
                }
                for (int sequence = 0; sequence < events.size(); sequence++) {
                    messages.add(new GenericDomainEventMessage<>("Delegation", id.value(), sequence,
                            events.get(sequence), actor));
                }
            }
            transactions.executeInTransaction(() -> eventStore.publish(messages));
        }
        return sample;
    }

    private static void awaitProjections(Api admin) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode projections = admin.get("/api/admin/projections").json();
            long behind = 0;
            for (JsonNode projection : projections) {
                behind = Math.max(behind, projection.path("behindBy").asLong(Long.MAX_VALUE));
            }
            if (behind == 0) {
                return;
            }
            Api.sleep(1_000);
        }
        throw new IllegalStateException("the projections did not catch up in 20 minutes");
    }

    /** Every GET page of the web module (ids filled with a delegation that has a programme), and board variants. */
    private static List<Target> targets(ConfigurableApplicationContext app, String delegation) {
        RequestMappingHandlerMapping mappings = app.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> pages = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dk.greatercph.ope.web")) {
                continue;
            }
            boolean get = mapping.getKey().getMethodsCondition().getMethods().isEmpty()
                    || mapping.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
            if (get) {
                mapping.getKey().getPatternValues().stream().filter(pattern -> !NOT_PAGES.contains(pattern))
                        .forEach(pages::add);
            }
        }
        List<Target> targets = new ArrayList<>();
        for (String page : pages) {
            String id = delegation == null ? "NO-SUCH-ID" : delegation;
            String path = switch (page) {
                case "/audit/{aggregateType}/{id}" -> "/audit/Delegation/" + id; // the delegation's timeline
                case "/admin/projections/{name}" -> "/admin/projections/delegation-board";
                default -> page.replaceAll("\\{[^}]+}", id); // trips and imports have none here: their 404
            };
            targets.add(new Target(page, path, false));
            if (page.equals("/inbox")) {
                targets.add(new Target("/inbox?operator=clean", "/inbox?operator=clean", false));
            }
            if (page.equals("/board")) {
                targets.add(new Target("/board?status=SCREENED", "/board?status=SCREENED", false));
                targets.add(new Target("/board?operator=clean&theme=…", "/board?operator=clean&theme=HEALTH_WELFARE_TECH", false));
                targets.add(new Target("/board?country=CN&from&to", "/board?country=CN&from=2028-01-01&to=2028-06-30", false));
                targets.add(new Target("/board?q=Organisation 4711", "/board?q=Organisation%204711", false));
                targets.add(new Target("/board (htmx fragment)", "/board?status=SCREENED", true));
            }
        }
        return targets;
    }

    private static Result measure(int port, Map<String, PageSession> sessions, Target target, int rounds) {
        String role = null;
        PageSession.Page first = null;
        for (String candidate : ROLES) {
            PageSession.Page answer = target.fragment() ? sessions.get(candidate).getFragment(target.path())
                    : sessions.get(candidate).get(target.path());
            if (first == null || answer.status() == 200) {
                first = answer;
                role = candidate;
            }
            if (answer.status() == 200) {
                break;
            }
        }
        PageSession session = sessions.get(role);
        int warmUp = Math.min(20, rounds);
        double[] millis = new double[rounds];
        for (int i = -warmUp; i < rounds; i++) {
            long start = System.nanoTime();
            PageSession.Page answer = target.fragment() ? session.getFragment(target.path()) : session.get(target.path());
            long took = System.nanoTime() - start;
            if (answer.status() != first.status()) {
                throw new IllegalStateException(target.path() + " answered " + answer.status() + " after " + first.status());
            }
            if (i >= 0) {
                millis[i] = took / 1e6;
            }
        }
        Arrays.sort(millis);
        return new Result(target.label(), role, first.status(), percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99), millis[millis.length - 1], first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                target.fragment() ? 0 : scriptBytes(port, first.body()));
    }

    private static final Map<String, Long> SCRIPT_SIZES = new HashMap<>();
    private static final HttpClient STATIC = HttpClient.newHttpClient();

    /** The bytes of every script file the page loads (as served, uncompressed). */
    private static long scriptBytes(int port, String html) {
        Set<String> sources = new LinkedHashSet<>();
        Matcher matcher = SCRIPT.matcher(html);
        while (matcher.find()) {
            sources.add(matcher.group(1).replace("&amp;", "&"));
        }
        long total = 0;
        for (String source : sources) {
            total += SCRIPT_SIZES.computeIfAbsent(source, src -> {
                try {
                    HttpResponse<byte[]> script = STATIC.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + src)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (script.statusCode() != 200) {
                        throw new IllegalStateException(src + " answered " + script.statusCode());
                    }
                    return (long) script.body().length;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return total;
    }

    private static double percentile(double[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void print(int delegations, int rounds, List<Result> results) {
        System.out.printf("%npages at %d delegations, %d requests each after a warm-up; client-side time over loopback, "
                + "one request at a time%n", delegations, rounds);
        System.out.printf("%-34s %-8s %6s %8s %8s %8s %8s %9s %10s%n", "page", "as", "status", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "HTML KB", "script KB");
        int slow = 0;
        int heavy = 0;
        double worstP95 = 0;
        long mostScript = 0;
        for (Result result : results) {
            System.out.printf("%-34s %-8s %6d %8.1f %8.1f %8.1f %8.1f %9.1f %10.1f%n", result.label(), result.role(),
                    result.status(), result.p50(), result.p95(), result.p99(), result.max(), result.htmlBytes() / 1024.0,
                    result.scriptBytes() / 1024.0);
            if (result.p95() > TARGET_P95_MS) {
                slow++;
            }
            if (result.scriptBytes() > TARGET_SCRIPT_BYTES) {
                heavy++;
            }
            worstP95 = Math.max(worstP95, result.p95());
            mostScript = Math.max(mostScript, result.scriptBytes());
        }
        System.out.printf("%nsummary: %d pages; p95 <= %.0f ms: %s (worst p95 %.1f ms); script <= %d KB: %s (most %.1f KB)%n",
                results.size(), TARGET_P95_MS, slow == 0 ? "met" : "MISSED by " + slow + " page(s)", worstP95,
                TARGET_SCRIPT_BYTES / 1024, heavy == 0 ? "met" : "MISSED by " + heavy + " page(s)", mostScript / 1024.0);
    }
}
