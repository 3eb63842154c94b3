package dk.greatercph.ope.app.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Tokens as the authority's identity provider would issue them, signed with the test key pair. */
public final class Jwts {

    public static final String AUDIENCE = "one-point-entry";

    private Jwts() {
    }

    public static String signed(String user, String role, String operatorId, String audience, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims(user, role, operatorId, audience, expiresAt));
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String valid(String user, String role, String operatorId) {
        return signed(user, role, operatorId, AUDIENCE, Instant.now().plusSeconds(300));
    }

    /** The claims a valid token for this user carries, to change before {@link #signed(JWTClaimsSet)}. */
    public static JWTClaimsSet.Builder claimsFor(String user, String role, String operatorId) {
        return new JWTClaimsSet.Builder(claims(user, role, operatorId, AUDIENCE, Instant.now().plusSeconds(300)));
    }

    /** Exactly these claims, signed with the test key. */
    public static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(String user, String role) {
        return new PlainJWT(claims(user, role, null, AUDIENCE, Instant.now().plusSeconds(300))).serialize();
    }

    private static JWTClaimsSet claims(String user, String role, String operatorId, String audience, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("sub-" + user)
                .issuer("https://idp.test")
                .audience(audience)
                .issueTime(Date.from(expiresAt.minusSeconds(600)))
                .expirationTime(Date.from(expiresAt))
                .claim("preferred_username", user)
                .claim("ope_role", role);
        if (operatorId != null) {
            claims.claim("ope_operator_id", operatorId);
        }
        return claims.build();
    }

    private static RSAPrivateKey privateKey() throws Exception {
        try (InputStream in = Jwts.class.getResourceAsStream("/jwt/test-private.pem")) {
            if (in == null) {
                throw new IOException("jwt/test-private.pem missing");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

}
