package dk.greatercph.ope.app.web.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny OpenID provider inside the test JVM (the JDK's HTTP server on a free loopback port): discovery, an
 * authorization endpoint that signs in whoever the test named and redirects back with a code, a token endpoint that
 * checks the client's secret and the PKCE verifier and answers an ID token signed with the test RSA key, JWKS, user
 * info and an end-of-session endpoint. It keeps what it was asked, so a test can check the flow.
 */
public final class TinyOpenIdProvider implements AutoCloseable {

    private static final String KEY_ID = "test-key";

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();
    private volatile Map<String, Object> nextUser = Map.of();
    /** What happened, in order: "authorize", "token pkce=ok", "userinfo", "end-session". */
    public final List<String> log = new CopyOnWriteArrayList<>();
    /** The query strings the authorization and end-of-session endpoints were called with. */
    public final List<String> authorizeQueries = new CopyOnWriteArrayList<>();
    public final List<String> endSessionQueries = new CopyOnWriteArrayList<>();

    private record Grant(String nonce, String challenge, String redirectUri, Map<String, Object> claims) {
    }

    private TinyOpenIdProvider(String clientId, String clientSecret) throws Exception {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKey.Builder(publicKey()).privateKey(privateKey()).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.createContext("/userinfo", this::userInfo);
        server.createContext("/logout", this::endSession);
        server.start();
    }

    /** A provider that knows one client, with this id and secret. */
    public static TinyOpenIdProvider start(String clientId, String clientSecret) {
        try {
            return new TinyOpenIdProvider(clientId, clientSecret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The claims (besides {@code iss}, {@code sub}, {@code aud}, {@code nonce} and the times) of the person who signs
     * in next; {@code sub} may be among them.
     */
    public void signInNext(Map<String, Object> claims) {
        this.nextUser = Map.copyOf(claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer());
        configuration.put("authorization_endpoint", issuer() + "/authorize");
        configuration.put("token_endpoint", issuer() + "/token");
        configuration.put("jwks_uri", issuer() + "/jwks");
        configuration.put("userinfo_endpoint", issuer() + "/userinfo");
        configuration.put("end_session_endpoint", issuer() + "/logout");
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("code_challenge_methods_supported", List.of("S256"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        configuration.put("scopes_supported", List.of("openid", "profile"));
        json(exchange, 200, configuration);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        authorizeQueries.add(query);
        Map<String, String> parameters = form(query);
        if (!"code".equals(parameters.get("response_type")) || !clientId.equals(parameters.get("client_id"))
                || !"S256".equals(parameters.get("code_challenge_method")) || parameters.get("code_challenge") == null) {
            log.add("authorize refused");
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        log.add("authorize");
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(parameters.get("nonce"), parameters.get("code_challenge"),
                parameters.get("redirect_uri"), nextUser));
        redirect(exchange, parameters.get("redirect_uri") + "?code=" + encode(code) + "&state="
                + encode(parameters.get("state")));
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            log.add("token refused: client");
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> parameters = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(parameters.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(parameters.get("grant_type"))
                || !grant.redirectUri().equals(parameters.get("redirect_uri"))) {
            log.add("token refused: grant");
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        String verifier = parameters.get("code_verifier");
        if (verifier == null || !grant.challenge().equals(s256(verifier))) {
            log.add("token refused: pkce");
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
            return;
        }
        log.add("token pkce=ok");
        Map<String, Object> user = new LinkedHashMap<>(grant.claims());
        user.putIfAbsent("sub", "sub-" + UUID.randomUUID());
        String accessToken = UUID.randomUUID().toString();
        accessTokens.put(accessToken, user);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        user.forEach(claims::claim);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("scope", "openid profile");
        answer.put("id_token", sign(claims.build()));
        json(exchange, 200, answer);
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> user = authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
        if (user == null) {
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        log.add("userinfo");
        json(exchange, 200, user);
    }

    private void endSession(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        endSessionQueries.add(query);
        log.add("end-session");
        String back = form(query).get("post_logout_redirect_uri");
        if (back != null) {
            redirect(exchange, back);
        } else {
            json(exchange, 200, Map.of());
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        @SuppressWarnings("unchecked")
        byte[] bytes = JSONObjectUtils.toJSONString((Map<String, Object>) body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RSAPrivateKey privateKey() throws Exception {
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem("/jwt/test-private.pem")));
    }

    private static RSAPublicKey publicKey() throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem("/jwt/test-public.pem")));
    }

    private static byte[] pem(String resource) throws IOException {
        try (InputStream in = TinyOpenIdProvider.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        }
    }
}
