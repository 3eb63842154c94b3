package dk.greatercph.ope.command.web;

import dk.greatercph.ope.command.operator.OperatorProblem;
import dk.greatercph.ope.command.person.PersonProblem;
import dk.greatercph.ope.command.reference.ReferenceProblem;
import dk.greatercph.ope.events.operator.OperatorId;
import dk.greatercph.ope.events.person.PersonId;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.platform.problem.DomainProblem;

/**
 * The problem an id that names nothing gets, by its kind: {@code OPERATOR_NOT_FOUND}, {@code PERSON_NOT_FOUND},
 * {@code VENUE_NOT_FOUND}, {@code PARTNER_NOT_FOUND}, else
 * {@code NOT_FOUND}, as the query side answers for the same id. One answer whether the id could not be read from the
 * path or no aggregate has it (before, {@code PUT /api/operators/nosuch/kpi-targets/2026} was {@code NOT_FOUND}
 * where {@code GET /api/operators/nosuch} is {@code OPERATOR_NOT_FOUND}).
 */
final class UnknownIds {

    private UnknownIds() {
    }

    static DomainProblem problem(Class<?> kind, String id) {
        if (kind == OperatorId.class) {
            return new DomainProblem(OperatorProblem.OPERATOR_NOT_FOUND, "No operator with id " + id + ".");
        }
        if (kind == PersonId.class) {
            return new DomainProblem(PersonProblem.PERSON_NOT_FOUND, "No personal data is held about " + id + ".");
        }
        if (kind == VenueId.class) {
            return new DomainProblem(ReferenceProblem.VENUE_NOT_FOUND, "No venue with id " + id + ".");
        }
        if (kind == PartnerId.class) {
            return new DomainProblem(ReferenceProblem.PARTNER_NOT_FOUND, "No partner with id " + id + ".");
        }
        return DomainProblem.notFound();
    }
}
