package dk.greatercph.ope.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers delegations over HTTP as the desk against an application that is already running (the started jar),
 * so that its memory can be read after real traffic. Needs nothing but a JDK:
 * {@code java app/src/test/java/dk/greatercph/ope/app/bench/RegistrationLoad.java PORT [total=2000] [clients=8]}.
 */
public final class RegistrationLoad {

    private static final String BODY = """
            {"channel":"EMBASSY","requestingOrganisation":"Load %d","originProvince":"Jiangsu",
             "originCity":"Nanjing","delegationType":"ADMINISTRATIVE","politicalLevel":"PROVINCIAL",
             "headCount":12,"wishedFrom":"2027-04-12","wishedTo":"2027-04-16",
             "themes":["HEALTH_WELFARE_TECH"],"purpose":"Study visit on welfare technology"}
            """;

    private RegistrationLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("desk:desk".getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delegations"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(i))).build();
                answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            int created = 0;
            for (Future<Integer> answer : answers) {
                created += answer.get() == 201 ? 1 : 0;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("registrations: %d of %d created by %d clients in %.1f s = %.0f per second%n",
                    created, total, clients, seconds, total / seconds);
        } finally {
            pool.shutdown();
        }
    }
}
