package dk.greatercph.ope.web;

/** Which addresses are pages: everything but the API, the actuator and the API's documentation. */
public final class PagePaths {

    private PagePaths() {
    }

    /** True for a page address (a path within the application, e.g. {@code /board}). */
    public static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }
}
