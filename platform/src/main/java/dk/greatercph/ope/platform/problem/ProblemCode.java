package dk.greatercph.ope.platform.problem;

/**
 * A stable error code that clients and auditors rely on: its name travels as the problem's {@code code}, it
 * answers with one HTTP status, and its meaning is documented in the API document. Each feature lists its
 * codes in one enum implementing this interface.
 */
public interface ProblemCode {

    /** The code as it appears on the wire; for an enum, the constant's name. */
    String name();

    /** The HTTP status that answers this code. */
    int status();

    /** What the code means, in a sentence, for client writers. */
    String meaning();
}
