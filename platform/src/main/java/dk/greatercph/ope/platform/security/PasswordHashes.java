package dk.greatercph.ope.platform.security;

import org.springframework.util.ClassUtils;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which stored password hashes a configured user may have: slow, salted schemes only. Clear text,
 * {@code {noop}}, the unsalted digests ({@code {MD5}}, {@code {SHA-1}}, {@code {sha256}}, …) and bcrypt below
 * cost 10 are refused when the application starts.
 */
final class PasswordHashes {

    static final int MIN_BCRYPT_COST = 10;

    private static final Pattern BCRYPT = Pattern.compile("\\A\\{bcrypt}\\$2[abxy]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}\\z");

    private static final Set<String> SLOW_SCHEMES = Set.of("bcrypt", "argon2", "argon2@SpringSecurity_v5_8",
            "scrypt", "scrypt@SpringSecurity_v5_8", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");

    private PasswordHashes() {
    }

    /** Refuses, with a message naming the user and the fix, any hash that is not slow and salted. */
    static void requireStrong(String username, String hash) {
        if (hash == null || !hash.startsWith("{") || hash.indexOf('}') < 0) {
            throw new IllegalStateException("User " + username + " needs a password hash with its algorithm, e.g. "
                    + "{bcrypt}$2a$10$…; clear passwords are refused.");
        }
        String scheme = hash.substring(1, hash.indexOf('}'));
        if (!SLOW_SCHEMES.contains(scheme)) {
            throw new IllegalStateException("User " + username + " has a {" + scheme + "} password hash, which is "
                    + "clear or fast to guess and is refused; use {bcrypt} with cost " + MIN_BCRYPT_COST
                    + " or more, {argon2}, {scrypt} or {pbkdf2}.");
        }
        if ((scheme.startsWith("argon2") || scheme.startsWith("scrypt"))
                && !ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters", null)) {
            throw new IllegalStateException("User " + username + " has a {" + scheme + "} password hash, but "
                    + "checking it needs Bouncy Castle (org.bouncycastle:bcprov-jdk18on) on the class path; "
                    + "add it or use {bcrypt}.");
        }
        if (scheme.equals("bcrypt")) {
            int cost = bcryptCost(hash);
            if (cost < 0) {
                throw new IllegalStateException("User " + username + " has a {bcrypt} password hash that is not a "
                        + "bcrypt hash ({bcrypt}$2a$10$ followed by 53 characters).");
            }
            if (cost < MIN_BCRYPT_COST) {
                throw new IllegalStateException("User " + username + " has a bcrypt password hash of cost " + cost
                        + ", which is refused; use cost " + MIN_BCRYPT_COST + " or more.");
            }
        }
    }

    /** The cost of a {@code {bcrypt}} hash, or -1 for any other hash. */
    static int bcryptCost(String hash) {
        Matcher bcrypt = BCRYPT.matcher(hash);
        return bcrypt.matches() ? Integer.parseInt(bcrypt.group(1)) : -1;
    }
}
