package dk.greatercph.ope.web.api;

/** A page the API refused to build (403, 404, …): the page answers with the same status, in words. */
public class PageRefused extends RuntimeException {

    private final int status;
    private final String parameter;

    public PageRefused(int status) {
        this(status, null);
    }

    /** A page's own query parameter that it cannot read: the 400 page names it. */
    public PageRefused(int status, String parameter) {
        super("The API answered " + status);
        this.status = status;
        this.parameter = parameter;
    }

    public int status() {
        return status;
    }

    /** The page's parameter that could not be read, or null. */
    public String parameter() {
        return parameter;
    }
}
