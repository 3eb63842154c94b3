package dk.greatercph.ope.command.operator;

import dk.greatercph.ope.platform.problem.ProblemCode;
import dk.greatercph.ope.platform.problem.ProblemKind;

/** The refusals of operator registration, routing themes and KPI targets. */
public enum OperatorProblem implements ProblemCode {
    NAME_REQUIRED(ProblemKind.INVALID_INPUT,
            "An operator has a name."),
    THEMES_REQUIRED(ProblemKind.INVALID_INPUT,
            "An operator takes at least one theme."),
    INVALID_YEAR(ProblemKind.INVALID_INPUT,
            "KPI targets are agreed for a year from 2013 to 2100."),
    INVALID_KPI_TARGET(ProblemKind.INVALID_INPUT,
            "A KPI target is not negative."),
    DUPLICATE_KPI(ProblemKind.INVALID_INPUT,
            "A KPI is given more than once in the same targets."),
    DUPLICATE_OPERATOR_NAME(ProblemKind.CONFLICT,
            "Another operator has this name: the inboxes, the board and the KPI report would name the two alike."),
    OPERATOR_NOT_FOUND(ProblemKind.NOT_FOUND,
            "No operator with this id.");

    private final ProblemKind kind;
    private final String meaning;

    OperatorProblem(ProblemKind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    @Override
    public int status() {
        return kind.status();
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
