package dk.greatercph.ope.platform.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo users of the embedded default: the desk, an auditor, an administrator and one user per seeded
 * operator, each with its user name as password.
 */
final class DemoUsers {

    /** The operator ids of the five operators seeded on first start. */
    static final List<String> OPERATORS = List.of("clean", "chc", "copcap", "woco", "region");

    private DemoUsers() {
    }

    static List<SecurityProperties.User> all() {
        // The same cost as any configured user's, so that a demo user name answers as slowly as an unknown one.
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(PasswordHashes.MIN_BCRYPT_COST);
        List<SecurityProperties.User> users = new ArrayList<>();
        users.add(new SecurityProperties.User("desk", "{bcrypt}" + bcrypt.encode("desk"), Role.DESK, null));
        users.add(new SecurityProperties.User("auditor", "{bcrypt}" + bcrypt.encode("auditor"), Role.AUDITOR, null));
        users.add(new SecurityProperties.User("admin", "{bcrypt}" + bcrypt.encode("admin"), Role.ADMIN, null));
        for (String operator : OPERATORS) {
            users.add(new SecurityProperties.User(operator, "{bcrypt}" + bcrypt.encode(operator), Role.OPERATOR,
                    operator));
        }
        return users;
    }
}
