package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.query.delegation.DelegationDetailView;
import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.platform.problem.ProblemKind;
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
@Tag(name = "Persons (queries)")
class PersonQueryController {

    private final QueryGateway queryGateway;

    PersonQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "Everything held about a person, decrypted, for the desk to hand over (right of access)")
    PersonView person(@PathVariable String personId) {
        return queryGateway.query(new FindPersonQuery(personId), ResponseTypes.optionalInstanceOf(PersonView.class)).join()
                .orElseThrow(() -> new DomainProblem("PERSON_NOT_FOUND", ProblemKind.NOT_FOUND,
                        "No personal data is held about " + personId + "."));
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
            return members;
        }
        DelegationDetailView delegation = queryGateway.query(new FindDelegationQuery(id, user.operatorId()),
                ResponseTypes.optionalInstanceOf(DelegationDetailView.class)).join().orElseThrow(DomainProblem::notFound);
        if (user.operatorId().equals(delegation.leadOperator())) {
            return members;
        }
        return members.stream().map(MemberView::namesAndTitlesOnly).toList();
    }
}
