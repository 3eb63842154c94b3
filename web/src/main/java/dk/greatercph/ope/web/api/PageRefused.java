package dk.greatercph.ope.web.api;

/** A page the API refused to build (403, 404, …): the page answers with the same status, in words. */
public class PageRefused extends RuntimeException {

    private final int status;

    public PageRefused(int status) {
        super("The API answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
