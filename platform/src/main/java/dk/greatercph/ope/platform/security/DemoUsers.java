package dk.greatercph.ope.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo users of the embedded default: the desk, an auditor, an administrator and one user per seeded
 * operator, each with its user name as password.
 */
final class DemoUsers {

    /** The operator ids of the five operators seeded on first start. */
    static final List<String> OPERATORS = List.of("clean", "chc", "copcap", "woco", "region");

    private DemoUsers() {
    }

    /**
     * Each demo user's bcrypt hash of its own name, made once at {@link PasswordHashes#MIN_BCRYPT_COST} (the same cost
     * as any configured user's, so that a demo user name answers as slowly as an unknown one). Written here rather
     * than hashed at every start, which cost the start about a second: the passwords are public anyway.
     */
    private static final Map<String, String> HASHES = Map.of(
            "desk", "$2a$10$vGRCi3pyWVi3ss0rs0MC0.FTxWoKnG6TiC3Wvkp0/6bv8D8a0zRAG",
            "auditor", "$2a$10$ZLsG6JYf.oQad.5Y.VvW8uEOnDwsTcxWZzjkvKiTii.VOZ9.o6UQ6",
            "admin", "$2a$10$AyBu0vNpGhgb2zN4w0WdqulKIfl1jSK/lgXoOzEM1Q/GlRJTUuZda",
            "clean", "$2a$10$u8E2gTOs9oC1QwxZ9.my5uZ.j4bf5FNUWFhrjPEhYMwV7nD/1u1PO",
            "chc", "$2a$10$kYD1Dy5yowxEvFX/bwfbeOdRk11YfwQTk9j8o9H7Sqjj6bDHJl.vy",
            "copcap", "$2a$10$QvDy1zAIrC6HCAmySJEJ..qm8.Oqf6NzOVamNHpuytJ5huqgUcHF2",
            "woco", "$2a$10$3UuJsYsBMqM18JZkib5umu2GyD6b9ALqLzfUYzI8Dp.4BC36sYx1O",
            "region", "$2a$10$hk4u9yFA70K2QZELWyLES.Cym4tWgydkNm/T9hsrPX.m9W62RuC/S");

    static List<SecurityProperties.User> all() {
        List<SecurityProperties.User> users = new ArrayList<>();
        users.add(new SecurityProperties.User("desk", hash("desk"), Role.DESK, null));
        users.add(new SecurityProperties.User("auditor", hash("auditor"), Role.AUDITOR, null));
        users.add(new SecurityProperties.User("admin", hash("admin"), Role.ADMIN, null));
        for (String operator : OPERATORS) {
            users.add(new SecurityProperties.User(operator, hash(operator), Role.OPERATOR, operator));
        }
        return users;
    }

    private static String hash(String name) {
        return "{bcrypt}" + HASHES.get(name);
    }
}
