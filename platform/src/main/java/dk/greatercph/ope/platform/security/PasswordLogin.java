package dk.greatercph.ope.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * HTTP Basic against the configured (or demo) users, so that answer times tell nobody which user names exist
 * and guessing is slow. An unknown name is checked against a hash of the same kind and cost as the users'
 * own; every check that is not already known to succeed goes through the {@link LoginThrottle}; concurrent
 * checks of one name run one after the other. A successful check is remembered under a keyed hash of name and
 * password that lives only in this process, so a client's next requests skip the slow hash, until it has not been
 * used for a few minutes: a user who keeps working is never checked again, and so never held back by a throttle
 * that guesses from the same address have used up.
 */
final class PasswordLogin implements AuthenticationProvider {

    private static final int STRIPES = 256;
    private static final long MAX_REMEMBERED = 10_000;

    private final Map<String, Account> accounts;
    private final String unknownNameHash;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec fingerprintKey;
    private final ThreadLocal<Mac> fingerprintMac;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    PasswordLogin(List<SecurityProperties.User> users, PasswordEncoder encoder, LoginThrottle throttle,
                  Duration rememberVerified) {
        Map<String, Account> byName = new HashMap<>();
        for (SecurityProperties.User user : users) {
            Account account = Account.of(user);
            if (byName.put(account.key(), account) != null) {
                throw new IllegalStateException("User " + user.username() + " is configured twice.");
            }
        }
        this.accounts = Map.copyOf(byName);
        this.unknownNameHash = unknownNameHash(users);
        this.encoder = encoder;
        this.throttle = throttle;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterAccess(rememberVerified).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.fingerprintKey = new SecretKeySpec(secret, "HmacSHA256");
        this.fingerprintMac = ThreadLocal.withInitial(this::newFingerprintMac);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        String key = Account.key(authentication.getName());
        Account account = accounts.get(key);
        String fingerprint = fingerprint(key, password);
        if (account != null && verified.getIfPresent(fingerprint) != null) {
            return account.authenticated();
        }
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (account != null && verified.getIfPresent(fingerprint) != null) {
                return account.authenticated();
            }
            LoginThrottle.Attempt attempt = throttle.begin(key, clientAddress(authentication));
            boolean matches = encoder.matches(password, account == null ? unknownNameHash : account.hash());
            if (account == null || !matches) {
                throw new BadCredentialsException("Bad credentials");
            }
            attempt.succeeded();
            verified.put(fingerprint, Boolean.TRUE);
            return account.authenticated();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String key, String password) {
        Mac mac = fingerprintMac.get(); // doFinal leaves it ready for the next, under the same key
        mac.update(key.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A MAC per thread under the fingerprint key: looking the algorithm up among the providers and initialising
     * it took more of a request's CPU than the hash itself.
     */
    private Mac newFingerprintMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String clientAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    /**
     * A bcrypt hash at {@link PasswordHashes#MIN_BCRYPT_COST} of a random text nobody kept, for the usual case: an
     * unknown name's check only has to take as long as a known one's, and its result is ignored.
     */
    static final String UNKNOWN_NAME_HASH_AT_MIN_COST =
            "{bcrypt}$2a$10$KOlAXBtLj3CnJjXcxF/D5uCqQ02bKqtnOr9KVDHINT9CJD2/Ap99i";

    /**
     * What an unknown name is checked against: a bcrypt hash at the highest cost the users have (made here unless
     * that is the minimum cost), or, if they use another scheme, a user's own hash (whose result is then ignored).
     */
    static String unknownNameHash(List<SecurityProperties.User> users) {
        int cost = users.stream().mapToInt(user -> PasswordHashes.bcryptCost(user.passwordHash())).max()
                .orElse(PasswordHashes.MIN_BCRYPT_COST);
        if (cost == PasswordHashes.MIN_BCRYPT_COST) {
            return UNKNOWN_NAME_HASH_AT_MIN_COST;
        }
        if (cost >= 0) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(Base64.getEncoder().encodeToString(random));
        }
        return users.get(0).passwordHash();
    }

    /** A configured user as the login needs it. */
    private record Account(String username, String hash, Collection<GrantedAuthority> authorities) {

        static Account of(SecurityProperties.User user) {
            if (user.username() == null || user.username().isBlank() || user.role() == null) {
                throw new IllegalStateException("Every configured user needs a username and a role.");
            }
            if (ActorMetadata.isReservedName(user.username())) {
                throw new IllegalStateException("User name " + user.username() + " is reserved for what the system "
                        + "does by itself (reserved: " + ActorMetadata.RESERVED_NAMES + "); choose another.");
            }
            PasswordHashes.requireStrong(user.username(), user.passwordHash());
            if (user.role() == Role.OPERATOR && (user.operatorId() == null || user.operatorId().isBlank())) {
                throw new IllegalStateException("Operator user " + user.username() + " must name its operator-id.");
            }
            return new Account(user.username(), user.passwordHash(),
                    List.copyOf(CurrentUser.authorities(user.role(), user.operatorId())));
        }

        static String key(String name) {
            return name == null ? "" : name.toLowerCase(Locale.ROOT);
        }

        String key() {
            return key(username);
        }

        Authentication authenticated() {
            return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
        }
    }
}
