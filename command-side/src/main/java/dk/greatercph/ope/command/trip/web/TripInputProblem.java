package dk.greatercph.ope.command.trip.web;

import dk.greatercph.ope.platform.problem.ProblemCode;

/** Bad input of the trip endpoints found at the edge, each naming its field. */
enum TripInputProblem implements ProblemCode {
    INVALID_TIME_ZONE;

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String meaning() {
        return "A time zone is not an IANA zone id (e.g. Asia/Shanghai, Europe/Copenhagen).";
    }
}
