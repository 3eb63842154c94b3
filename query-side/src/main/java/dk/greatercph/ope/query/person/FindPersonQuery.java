package dk.greatercph.ope.query.person;

/** Everything held about one person. */
public record FindPersonQuery(String personId) {
}
