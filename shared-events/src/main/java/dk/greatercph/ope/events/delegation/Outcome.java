package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;

import java.util.List;

/**
 * What a delegation's visit achieved: investment leads, the companies involved, memoranda of understanding
 * signed, and follow-ups handed to operators; and the figures the operators' KPIs count: companies established,
 * jobs created, tourists and their overnight stays (Chinese ones, when the delegation came from China). A figure
 * not reported is null (since revision 3 of {@link DelegationCompletedEvent}; before, it was recorded as 0), so a
 * report can tell "not reported" from "none"; the KPIs count it as 0.
 */
public record Outcome(String summary, int investmentLeads, List<String> companies, List<String> mous,
                      List<FollowUp> followUps, Integer companiesEstablished, Integer jobsCreated, Integer tourists,
                      Integer overnightStays) {

    public Outcome {
        companies = companies == null ? List.of() : List.copyOf(companies);
        mous = mous == null ? List.of() : List.copyOf(mous);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** An outcome that does not report companies established, jobs, tourists or overnight stays. */
    public Outcome(String summary, int investmentLeads, List<String> companies, List<String> mous,
                   List<FollowUp> followUps) {
        this(summary, investmentLeads, companies, mous, followUps, null, null, null, null);
    }

    /** {@code figure} as the KPIs count it: a figure not reported counts as 0. */
    public static int counted(Integer figure) {
        return figure == null ? 0 : figure;
    }

    /** Something an operator is to pursue after the visit. */
    public record FollowUp(OperatorId operatorId, String action) {
    }
}
