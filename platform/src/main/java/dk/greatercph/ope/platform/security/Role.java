package dk.greatercph.ope.platform.security;

/** The four kinds of user. */
public enum Role {
    /** The OPE desk: every command and query except administration. */
    DESK,
    /** One operator: its own inbox and the delegations assigned to it. */
    OPERATOR,
    /** Reads everything, changes nothing. */
    AUDITOR,
    /** Replays projections, handles dead letters, operational endpoints. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
