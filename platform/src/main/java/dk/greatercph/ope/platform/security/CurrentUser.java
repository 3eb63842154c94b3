package dk.greatercph.ope.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated user as the domain sees it: a name, exactly one role and, for an operator, the one
 * operator it acts for. Built the same way from a configured user and from a JWT, through authorities.
 */
public record CurrentUser(String name, Role role, String operatorId) {

    static final String OPERATOR_ID_PREFIX = "OPERATOR_ID:";

    public CurrentUser {
        if (role == Role.OPERATOR && (operatorId == null || operatorId.isBlank())) {
            throw new IllegalArgumentException("an operator user must be bound to an operator id");
        }
        if (role != Role.OPERATOR) {
            operatorId = null;
        }
    }

    /** The user of the current request, if one is authenticated. */
    public static Optional<CurrentUser> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Role role = null;
        String operatorId = null;
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            for (Role candidate : Role.values()) {
                if (candidate.authority().equals(authority)) {
                    role = candidate;
                }
            }
            if (authority != null && authority.startsWith(OPERATOR_ID_PREFIX)) {
                operatorId = authority.substring(OPERATOR_ID_PREFIX.length());
            }
        }
        return role == null ? Optional.empty() : Optional.of(new CurrentUser(authentication.getName(), role, operatorId));
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** True unless this user is an operator acting for another operator. */
    public boolean mayActFor(String operator) {
        return !isOperator() || operatorId.equals(operator);
    }

    static Collection<GrantedAuthority> authorities(Role role, String operatorId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (role == Role.OPERATOR) {
            authorities.add(new SimpleGrantedAuthority(OPERATOR_ID_PREFIX + operatorId));
        }
        return authorities;
    }
}
