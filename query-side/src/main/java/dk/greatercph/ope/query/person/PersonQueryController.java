package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.problem.DomainProblem;
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
    @Operation(summary = "A delegation's members, personal fields decrypted (DESK and AUDITOR; operators get 404)")
    List<MemberView> members(@PathVariable String id) {
        if (CurrentUser.current().map(CurrentUser::isOperator).orElse(true)) {
            throw new DomainProblem("DELEGATION_NOT_FOUND", ProblemKind.NOT_FOUND, "No delegation with id " + id + ".");
        }
        return queryGateway.query(new FindMembersQuery(id), ResponseTypes.multipleInstancesOf(MemberView.class)).join();
    }
}
