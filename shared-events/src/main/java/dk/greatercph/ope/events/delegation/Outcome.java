package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;

import java.util.List;

/**
 * What a delegation's visit achieved: investment leads, the companies involved, memoranda of understanding
 * signed, and follow-ups handed to operators; and the figures the operators' KPIs count: companies established,
 * jobs created, tourists and their overnight stays (Chinese ones, when the delegation came from China). A figure
 * not reported is 0.
 */
public record Outcome(String summary, int investmentLeads, List<String> companies, List<String> mous,
                      List<FollowUp> followUps, int companiesEstablished, int jobsCreated, int tourists,
                      int overnightStays) {

    public Outcome {
        companies = companies == null ? List.of() : List.copyOf(companies);
        mous = mous == null ? List.of() : List.copyOf(mous);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** An outcome that reports no companies established, jobs, tourists or overnight stays. */
    public Outcome(String summary, int investmentLeads, List<String> companies, List<String> mous,
                   List<FollowUp> followUps) {
        this(summary, investmentLeads, companies, mous, followUps, 0, 0, 0, 0);
    }

    /** Something an operator is to pursue after the visit. */
    public record FollowUp(OperatorId operatorId, String action) {
    }
}
