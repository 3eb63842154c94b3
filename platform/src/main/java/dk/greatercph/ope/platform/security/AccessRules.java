package dk.greatercph.ope.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call which path (function level), per the REST contract. Object level — an operator sees and
 * acts only on what is assigned to it — is decided where the data is, and answered with 404. A HEAD is a GET
 * without its body: whoever may GET a path may HEAD it.
 */
final class AccessRules {

    /** What an operator may read, besides the desk and the auditors. */
    static final String[] OPERATOR_READS = {
            "/api/operators/*/inbox", "/api/operators/*/inbox/stream", "/api/operators/*/trip-follow-ups",
            "/api/schedule", "/api/schedule/**", "/api/schedule.ics",
            "/api/delegations/*", "/api/delegations/*/**",
            "/api/venues", "/api/venues/*", "/api/partners", "/api/partners/*"
    };

    /** What an operator may do, besides the desk: answer assignments, plan programme items, report outcomes. */
    static final String[] OPERATOR_POSTS = {
            "/api/delegations/*/assignments/*/acceptance", "/api/delegations/*/assignments/*/decline",
            "/api/delegations/*/programme-items", "/api/delegations/*/programme-items/*/cost-coverage",
            "/api/delegations/*/completion"
    };

    /** What an auditor may post: checking a kept checkpoint changes nothing. */
    static final String[] AUDITOR_POSTS = {"/api/audit/checkpoint/verification"};

    static final String[] OPERATOR_CHANGES = {"/api/delegations/*/programme-items/*"};

    /** A supporting operator's own outcome of a completed visit, reported (again) by it or the desk. */
    static final String OPERATOR_OUTCOMES = "/api/delegations/*/supporting-outcomes/*";

    /** An operator's (and the desk's) notification settings; whose settings a caller may touch is decided there. */
    static final String NOTIFICATION_SETTINGS = "/api/notification-settings/*";
    static final String NOTIFICATION_SETTINGS_PARTS = "/api/notification-settings/*/**";

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        String desk = Role.DESK.name();
        String operator = Role.OPERATOR.name();
        String auditor = Role.AUDITOR.name();
        String admin = Role.ADMIN.name();
        rules
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/error").permitAll()
                .requestMatchers("/actuator/**", "/api/admin/**").hasRole(admin)
                .requestMatchers(HttpMethod.POST, "/api/persons/*/erasure").hasAnyRole(desk, admin)
                .requestMatchers(HttpMethod.GET, "/api/persons/*/records").hasAnyRole(desk, auditor, admin)
                .requestMatchers(HttpMethod.HEAD, "/api/persons/*/records").hasAnyRole(desk, auditor, admin)
                .requestMatchers(HttpMethod.GET, OPERATOR_READS).hasAnyRole(desk, auditor, operator)
                .requestMatchers(HttpMethod.HEAD, OPERATOR_READS).hasAnyRole(desk, auditor, operator)
                .requestMatchers(HttpMethod.POST, OPERATOR_POSTS).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.PUT, OPERATOR_CHANGES).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.PUT, OPERATOR_OUTCOMES).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.DELETE, OPERATOR_CHANGES).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.GET, NOTIFICATION_SETTINGS, NOTIFICATION_SETTINGS_PARTS)
                .hasAnyRole(desk, auditor, operator)
                .requestMatchers(HttpMethod.HEAD, NOTIFICATION_SETTINGS, NOTIFICATION_SETTINGS_PARTS)
                .hasAnyRole(desk, auditor, operator)
                .requestMatchers(HttpMethod.POST, NOTIFICATION_SETTINGS_PARTS).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.DELETE, NOTIFICATION_SETTINGS_PARTS).hasAnyRole(desk, operator)
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(desk, auditor)
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAnyRole(desk, auditor)
                .requestMatchers(HttpMethod.POST, AUDITOR_POSTS).hasAnyRole(desk, auditor)
                .requestMatchers("/api/**").hasRole(desk)
                .anyRequest().authenticated();
    }
}
