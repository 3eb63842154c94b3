package dk.greatercph.ope.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo users' hashes written in the source, and the hash an unknown name is checked against. */
class DemoUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void everyDemoUsersHashIsItsOwnNameAtTheMinimumCostAndNoOtherNames() {
        List<SecurityProperties.User> users = DemoUsers.all();
        assertThat(users).extracting(SecurityProperties.User::username)
                .containsExactly("desk", "auditor", "admin", "clean", "chc", "copcap", "woco", "region");
        for (SecurityProperties.User user : users) {
            assertThat(PasswordHashes.bcryptCost(user.passwordHash())).as(user.username())
                    .isEqualTo(PasswordHashes.MIN_BCRYPT_COST);
            assertThat(encoder.matches(user.username(), user.passwordHash())).as(user.username()).isTrue();
            assertThat(encoder.matches(user.username() + "x", user.passwordHash())).as(user.username()).isFalse();
        }
        assertThat(encoder.matches("desk", users.get(1).passwordHash())).isFalse();
    }

    @Test
    void anUnknownNameIsCheckedAtTheHighestCostTheUsersHave() {
        assertThat(PasswordLogin.unknownNameHash(DemoUsers.all()))
                .isEqualTo(PasswordLogin.UNKNOWN_NAME_HASH_AT_MIN_COST);
        assertThat(PasswordHashes.bcryptCost(PasswordLogin.UNKNOWN_NAME_HASH_AT_MIN_COST))
                .isEqualTo(PasswordHashes.MIN_BCRYPT_COST);

        SecurityProperties.User dearer = new SecurityProperties.User("desk",
                "{bcrypt}" + new BCryptPasswordEncoder(11).encode("a long desk password"), Role.DESK, null);
        String hash = PasswordLogin.unknownNameHash(List.of(dearer));
        assertThat(PasswordHashes.bcryptCost(hash)).isEqualTo(11);
        assertThat(hash).isNotEqualTo(PasswordLogin.UNKNOWN_NAME_HASH_AT_MIN_COST);
    }
}
