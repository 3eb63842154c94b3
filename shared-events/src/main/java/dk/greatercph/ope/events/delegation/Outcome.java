package dk.greatercph.ope.events.delegation;

import dk.greatercph.ope.events.operator.OperatorId;

import java.util.List;

/**
 * What a delegation's visit achieved: investment leads, the companies involved, memoranda of understanding
 * signed, and follow-ups handed to operators.
 */
public record Outcome(String summary, int investmentLeads, List<String> companies, List<String> mous,
                      List<FollowUp> followUps) {

    public Outcome {
        companies = companies == null ? List.of() : List.copyOf(companies);
        mous = mous == null ? List.of() : List.copyOf(mous);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** Something an operator is to pursue after the visit. */
    public record FollowUp(OperatorId operatorId, String action) {
    }
}
