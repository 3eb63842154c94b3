package dk.greatercph.ope.web.layout;

import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.web.api.Api;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

/**
 * The menu: every page with the API call it is built on. A user sees a page in the menu exactly when the API lets
 * that user make the call, so the menu follows {@code AccessRules} and has no rules of its own.
 */
@Component
public class Navigation {

    /** A page in the menu: its message key, its address, and the API call that decides who sees it. */
    public record Item(String label, String href, HttpMethod method, Function<CurrentUser, String> apiPath) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("nav.board", "/board", HttpMethod.GET, user -> "/api/delegations"),
            new Item("nav.newRequest", "/requests/new", HttpMethod.POST, user -> "/api/delegations"),
            new Item("nav.inbox", "/inbox", HttpMethod.GET,
                    user -> user.isOperator() ? "/api/operators/" + user.operatorId() + "/inbox" : null),
            new Item("nav.schedule", "/schedule", HttpMethod.GET, user -> "/api/schedule"),
            new Item("nav.escalations", "/escalations", HttpMethod.GET, user -> "/api/escalations"),
            new Item("nav.places", "/places", HttpMethod.GET, user -> "/api/venues"),
            new Item("nav.operators", "/operators", HttpMethod.GET, user -> "/api/operators"),
            new Item("nav.trips", "/trips", HttpMethod.GET, user -> "/api/trips"),
            new Item("nav.kpi", "/kpi", HttpMethod.GET, user -> "/api/kpis"),
            new Item("nav.report", "/reports/annual", HttpMethod.GET, user -> "/api/reports/annual/2000"),
            new Item("nav.import", "/imports", HttpMethod.POST, user -> "/api/imports"),
            new Item("nav.audit", "/audit", HttpMethod.GET, user -> "/api/audit/events"),
            new Item("nav.projections", "/admin/projections", HttpMethod.GET, user -> "/api/admin/projections"),
            new Item("nav.deadLetters", "/admin/dead-letters", HttpMethod.GET, user -> "/api/admin/dead-letters"),
            new Item("nav.notifications", "/notifications", HttpMethod.GET, user -> "/api/notification-settings/"
                    + (user.isOperator() ? user.operatorId() : "desk")),
            new Item("nav.outbox", "/admin/notifications", HttpMethod.GET, user -> "/api/admin/notifications"));

    private final Api api;

    Navigation(Api api) {
        this.api = api;
    }

    /** The pages the signed-in user may open, in menu order. */
    public List<Item> items() {
        return CurrentUser.current().map(user -> ITEMS.stream().filter(item -> {
            String path = item.apiPath().apply(user);
            return path != null && api.allows(item.method(), path);
        }).toList()).orElse(List.of());
    }

    /** Where a user lands after signing in: the first page of the menu. */
    public String home() {
        List<Item> items = items();
        return items.isEmpty() ? "/account" : items.get(0).href();
    }
}
