package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.query.delegation.DelegationDetailView;
import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Right of access: everything held about a person; and a delegation's members. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Persons (queries)",
        description = "Personal data (rule R9), decrypted for those entitled to it: right of access and a delegation's members. Every such read is recorded.")
class PersonQueryController {

    private final QueryGateway queryGateway;

    PersonQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "Everything held about a person, decrypted, for the desk to hand over (right of access)",
            description = "Every such read is itself recorded (who, when, whose data): /api/audit/personal-data-reads.")
    PersonView person(@PathVariable String personId) {
        PersonView person = queryGateway.query(new FindPersonQuery(personId),
                        ResponseTypes.optionalInstanceOf(PersonView.class)).join()
                .orElseThrow(() -> new DomainProblem(PersonQueryProblem.PERSON_NOT_FOUND,
                        "No personal data is held about " + personId + "."));
        if (!person.erased()) {
            PersonalDataReads.shown(List.of(person.personId()));
        }
        return person;
    }

    @GetMapping("/delegations/{id}/members")
    @Operation(summary = "A delegation's members, personal fields decrypted",
            description = """
                    The desk, auditors and the delegation's lead operator read every field. A supporting operator \
                    reads names and titles only (e-mail and phone are left out). An operator not assigned to the \
                    delegation gets the same 404 as for a delegation that does not exist.""")
    List<MemberView> members(@PathVariable String id) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        List<MemberView> members = queryGateway.query(new FindMembersQuery(id),
                ResponseTypes.multipleInstancesOf(MemberView.class)).join();
        if (!user.isOperator()) {
            return shown(members);
        }
        DelegationDetailView delegation = queryGateway.query(new FindDelegationQuery(id, user.operatorId()),
                        ResponseTypes.optionalInstanceOf(DelegationDetailView.class)).join()
                .orElseThrow(DomainProblem::notFound);
        if (user.operatorId().equals(delegation.delegation().leadOperator())) {
            return shown(members);
        }
        return shown(members.stream().map(MemberView::namesAndTitlesOnly).toList());
    }

    private static List<MemberView> shown(List<MemberView> members) {
        PersonalDataReads.shown(members.stream().filter(m -> !m.erased()).map(MemberView::personId).toList());
        return members;
    }
}
