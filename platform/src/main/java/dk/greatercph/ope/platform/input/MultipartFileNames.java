package dk.greatercph.ope.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A multipart body whose file name Tomcat refuses (one holding a NUL) fails like any other body Tomcat cannot read as
 * parameters. Tomcat throws {@link InvalidFileNameException} from the first {@code getParameter} (the CSRF filter's,
 * for a page's form), which escaped the filters and was logged at ERROR with its stack trace for any anonymous POST
 * to the sign-in page. Given as Tomcat's {@link InvalidParameterException} with status 400, the container answers it
 * as a bad request without that log line, and the error page names it ({@link UnreadableParameters}).
 */
final class MultipartFileNames extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        chain.doFilter(multipart ? new Checked(request) : request, response);
    }

    private static final class Checked extends HttpServletRequestWrapper {

        Checked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return read(() -> super.getParameter(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return read(super::getParameterMap);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return read(super::getParameterNames);
        }

        @Override
        public String[] getParameterValues(String name) {
            return read(() -> super.getParameterValues(name));
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            try {
                return super.getParts();
            } catch (InvalidFileNameException e) {
                throw refused(e);
            }
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            try {
                return super.getPart(name);
            } catch (InvalidFileNameException e) {
                throw refused(e);
            }
        }

        private static <T> T read(Supplier<T> parameters) {
            try {
                return parameters.get();
            } catch (InvalidFileNameException e) {
                throw refused(e);
            }
        }

        private static InvalidParameterException refused(InvalidFileNameException e) {
            return new InvalidParameterException(e, HttpServletResponse.SC_BAD_REQUEST);
        }
    }
}
