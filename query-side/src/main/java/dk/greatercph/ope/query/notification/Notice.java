package dk.greatercph.ope.query.notification;

import java.time.Instant;
import java.util.List;

/**
 * What one notification says, before it is worded for a recipient's language or a webhook: the kind, the delegation
 * by its id and organisation (never a member), and what the kind needs. Built by the notifier from events.
 */
record Notice(Kind kind, Instant occurredAt, String delegationId, String organisation, String operatorId,
              String role, Instant dueAt, List<Item> items, String decision, List<String> themes, String reason) {

    Notice {
        items = items == null ? List.of() : List.copyOf(items);
        themes = themes == null ? null : List.copyOf(themes);
    }

    static Notice about(Kind kind, Instant at, String delegationId, String organisation) {
        return new Notice(kind, at, delegationId, organisation, null, null, null, List.of(), null, null, null);
    }

    Notice assignment(String operator, String assignmentRole, Instant due) {
        return new Notice(kind, occurredAt, delegationId, organisation, operator, assignmentRole, due, items, decision,
                themes, reason);
    }

    Notice withItems(List<Item> programme) {
        return new Notice(kind, occurredAt, delegationId, organisation, operatorId, role, dueAt, programme, decision,
                themes, reason);
    }

    Notice scope(String scopeDecision, List<String> scopeThemes, String why) {
        return new Notice(kind, occurredAt, delegationId, organisation, operatorId, role, dueAt, items, scopeDecision,
                scopeThemes, why);
    }

    /** What happened; its webhook {@code type} is the lower-case dotted name. */
    enum Kind {
        ASSIGNMENT_OFFERED("assignment.offered"),
        ASSIGNMENT_WITHDRAWN("assignment.withdrawn"),
        DEADLINE_REMINDER("assignment.deadline-approaching"),
        ASSIGNMENT_ESCALATED("assignment.escalated"),
        LEAD_DECLINED("assignment.lead-declined"),
        PROGRAMME_CONFIRMED("programme.confirmed"),
        PROGRAMME_ITEM_CHANGED("programme.item-changed"),
        PROGRAMME_ITEM_CANCELLED("programme.item-cancelled"),
        PROGRAMME_CANCELLED("programme.cancelled"),
        SCOPE_EXPANSION_DECIDED("scope-expansion.decided");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        String type() {
            return type;
        }
    }

    /** A programme item as an invitation shows it; {@code cancelled} items are sent as METHOD:CANCEL. */
    record Item(String itemId, String title, Instant startsAt, Instant endsAt, int sequence, boolean cancelled) {

        /** The same UID as the schedule's feed, so that a calendar holds one event per item. */
        String uid(String delegationId) {
            return delegationId + "." + itemId + "@one-point-entry";
        }
    }
}
