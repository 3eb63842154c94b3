package dk.greatercph.ope.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies above a size limit with 413: at once when the declared length is too large, and
 * while reading when a body without a declared length grows past it. Files posted to {@value #IMPORTS} have a
 * limit of their own, larger than that of JSON bodies.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The path of file imports, whose bodies have their own limit. */
    static final String IMPORTS = "/api/imports";

    /** The page that uploads a file to import (a form's file field): the same file, so the same limit. */
    static final String IMPORT_PAGE = "/imports";

    private final long maxBodyBytes;
    private final long maxImportBytes;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(long maxBytes, ProblemWriter problems) {
        this(maxBytes, maxBytes, problems);
    }

    RequestBodyLimitFilter(long maxBodyBytes, long maxImportBytes, ProblemWriter problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxImportBytes = maxImportBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith(IMPORTS) || request.getRequestURI().equals(IMPORT_PAGE)
                ? maxImportBytes : maxBodyBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(response, request.getRequestURI(), GeneralProblem.BODY_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    /** Thrown while reading a body that grows past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream delegate = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = delegate.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = delegate.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException(maxBytes);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return delegate.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        delegate.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
