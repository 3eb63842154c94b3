package dk.greatercph.ope.platform.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.net.URI;

/**
 * A problem answered in the servlet container's error dispatch names the path the client asked for as its
 * {@code instance}, not the error page's {@code /error}: Spring MVC fills {@code instance} from the dispatch's own
 * path.
 */
@ControllerAdvice
class ErrorDispatchInstance implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest original = servlet.getServletRequest();
            if (original.getDispatcherType() == DispatcherType.ERROR
                    && original.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
                problem.setInstance(URI.create(ProblemWriter.safePath(path)));
            }
        }
        return body;
    }
}
