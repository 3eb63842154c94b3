package dk.greatercph.ope.command.refusal;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a refusal by what the client receives: its code on the wire and its kind, hence its status. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<DomainProblem> refusedWith(String code, ProblemKind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainProblem problem) {
                return problem.details().code().equals(code) && problem.details().kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainProblem " + code + " (" + kind + ")");
            }

            @Override
            protected void describeMismatchSafely(DomainProblem problem, Description description) {
                description.appendText("was " + problem.details().code() + " (" + problem.details().kind() + "): "
                        + problem.getMessage());
            }
        };
    }
}
