package dk.greatercph.ope.query.person;

import dk.greatercph.ope.platform.privacy.PersonalDataReads;
import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.query.delegation.DelegationDetailView;
import dk.greatercph.ope.query.delegation.FindDelegationQuery;
import dk.greatercph.ope.platform.security.CurrentUser;
import dk.greatercph.ope.query.replay.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Right of access: everything held about a person; and a delegation's members. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Persons (queries)",
        description = "Personal data (rule R9), decrypted for those entitled to it: right of access and a delegation's members. Every such read is recorded.")
class PersonQueryController {

    private final QueryGateway queryGateway;
    private final ProjectionProgress progress;

    PersonQueryController(QueryGateway queryGateway, ProjectionProgress progress) {
        this.queryGateway = queryGateway;
        this.progress = progress;
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

    @GetMapping("/persons/{personId}/records")
    @Operation(summary = "Where a person's data is held, without the data itself",
            description = "DESK, AUDITOR or ADMIN: the delegations and trips the person appears on, by id, and whether "
                    + "the data is erased; no name, title or contact. The administrator, who erases but may not read "
                    + "personal data, confirms with it that an erasure is for the person meant. Not a read of "
                    + "personal data, so not recorded as one. An unknown person is 404 PERSON_NOT_FOUND.")
    PersonRecordsView records(@PathVariable String personId) {
        return PersonRecordsView.of(queryGateway.query(new FindPersonQuery(personId),
                        ResponseTypes.optionalInstanceOf(PersonView.class)).join()
                .orElseThrow(() -> new DomainProblem(PersonQueryProblem.PERSON_NOT_FOUND,
                        "No personal data is held about " + personId + ".")));
    }

    @GetMapping("/delegations/{id}/members")
    @Operation(summary = "A delegation's members, personal fields decrypted",
            description = """
                    The desk, auditors and the delegation's lead operator read every field. A supporting operator \
                    reads names and titles only (e-mail and phone are left out). An operator not assigned to the \
                    delegation gets the same 404 as for a delegation that does not exist. An operator's read is \
                    answered once the view has every event recorded before it (waiting at most 5 seconds, else 409 \
                    PROJECTION_BEHIND), so one that has just declined or been re-routed reads nothing. With \
                    ?minVersion (the ETag a member's addition or removal answered) the list waits, at most 5 \
                    seconds, until the delegation has recorded that version and the list holds every event \
                    recorded before the request; a version not reached is 409 PROJECTION_BEHIND.""")
    @ApiResponse(responseCode = "200", description = "The delegation's members")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    List<MemberView> members(
            @Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "Wait (at most 5 s) until the list holds a change made a moment ago",
                    example = "4")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        if (minVersion != null) {
            visible(id); // an operator not on the delegation is answered 404 before anything about its versions
            requireRecorded(id, minVersion);
            if (!progress.awaitCaughtUp(PersonalDataProjection.NAME, ProjectionProgress.MAX_WAIT)) {
                throw new DomainProblem(PersonQueryProblem.PROJECTION_BEHIND, "The members' view has not yet handled "
                        + "every event recorded before this request (it may be being rebuilt); retry shortly.");
            }
        }
        return shown(visible(id));
    }

    @GetMapping("/delegations/{id}/members/{memberId}")
    @Operation(summary = "One member of a delegation, personal fields decrypted",
            description = """
                    Where the Location of a member's addition points. Who reads which fields is as for the members                     list; a member the delegation does not have (or no longer has: removed) is 404, as is any member                     of a delegation the calling operator is not assigned to. With ?minVersion (the ETag the addition                     answered) the request waits up to 5 seconds for a member added a moment ago to appear. The read                     is recorded as a read of that member's personal data.""")
    @ApiResponse(responseCode = "200", description = "The member")
    @ApiResponse(responseCode = "404", description = "No such member, or not visible to the calling operator")
    @ApiResponse(responseCode = "409", description = "The view is being rebuilt, or (with minVersion) has not yet "
            + "reached what was recorded before the request (PROJECTION_BEHIND)")
    MemberView member(
            @Parameter(description = "The delegation id", example = "DEL-019cadd4-5620-7a53-9f55-0f3c3d7b8e21")
            @PathVariable String id,
            @Parameter(description = "The member id", example = "MEM-5d0c7b1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e")
            @PathVariable String memberId,
            @Parameter(description = "Wait (at most 5 s) for a member added a moment ago to appear", example = "4")
            @RequestParam(required = false) @Min(0) Long minVersion) {
        if (minVersion != null) {
            visible(id);
            requireRecorded(id, minVersion);
        }
        Optional<MemberView> member = progress.appearing(PersonalDataProjection.NAME, minVersion, () -> visible(id)
                .stream().filter(found -> found.memberId().equals(memberId)).findFirst(),
                PersonQueryProblem.PROJECTION_BEHIND);
        return shown(List.of(member.orElseThrow(DomainProblem::notFound))).get(0);
    }

    /** The delegation has recorded {@code minVersion} (waiting at most 5 s), else 409 as for the delegation's read. */
    private void requireRecorded(String id, long minVersion) {
        if (!progress.awaitRecorded(id, minVersion)) {
            throw new DomainProblem(PersonQueryProblem.PROJECTION_BEHIND, "The delegation has not recorded version "
                    + minVersion + "; use the ETag a change of its members answered.");
        }
    }

    /** The delegation's members as the caller may read them (names and titles only for a supporting operator). */
    private List<MemberView> visible(String id) {
        CurrentUser user = CurrentUser.current().orElseThrow(DomainProblem::notFound);
        List<MemberView> members = queryGateway.query(new FindMembersQuery(id),
                ResponseTypes.multipleInstancesOf(MemberView.class)).join();
        if (!user.isOperator()) {
            return members;
        }
        // whether the operator is still on the delegation, as of every event recorded before this request: an
        // operator that had just declined read the members' e-mail and phone until the board caught up
        if (!progress.awaitCaughtUp(FindDelegationQuery.PROJECTION, ProjectionProgress.MAX_WAIT)) {
            throw new DomainProblem(PersonQueryProblem.PROJECTION_BEHIND, "Whether you are still assigned to the "
                    + "delegation is not yet known; retry shortly.");
        }
        DelegationDetailView delegation = queryGateway.query(new FindDelegationQuery(id, user.operatorId()),
                        ResponseTypes.optionalInstanceOf(DelegationDetailView.class)).join()
                .orElseThrow(DomainProblem::notFound);
        if (user.operatorId().equals(delegation.delegation().leadOperator())) {
            return members;
        }
        return members.stream().map(MemberView::namesAndTitlesOnly).toList();
    }

    private static List<MemberView> shown(List<MemberView> members) {
        PersonalDataReads.shown(members.stream().filter(m -> !m.erased()).map(MemberView::personId).toList());
        return members;
    }
}
