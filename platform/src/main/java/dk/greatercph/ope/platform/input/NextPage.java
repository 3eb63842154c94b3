package dk.greatercph.ope.platform.input;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.function.Function;

/**
 * The answer of a list whose body is the page's entries alone: when more follow, the {@code Link} header names the
 * next page ({@code rel="next"}), the request's own address with that page's {@code after} cursor.
 */
public final class NextPage {

    private NextPage() {
    }

    /**
     * The first {@code limit} of {@code rows}, which the query read one longer than a page to learn whether more
     * follow; the next page starts after the last entry shown, whose cursor {@code cursor} writes.
     */
    public static <T> ResponseEntity<List<T>> of(List<T> rows, int limit, Function<T, String> cursor,
                                                 HttpServletRequest request) {
        if (rows.size() <= limit) {
            return linked(rows, null, request, null);
        }
        List<T> page = rows.subList(0, limit);
        return linked(page, cursor.apply(page.get(limit - 1)), request, limit);
    }

    /**
     * {@code items} as one page: when {@code next} is a cursor, the Link header names the next page, the request's own
     * address with that cursor (and the page size {@code limit}, when not null, for an answer whose request named none).
     */
    public static <T> ResponseEntity<List<T>> linked(List<T> items, String next, HttpServletRequest request,
                                                     Integer limit) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (next != null) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
                    .query(request.getQueryString()).replaceQueryParam("after", next);
            if (limit != null) {
                link.replaceQueryParam("limit", limit);
            }
            answer.header(HttpHeaders.LINK, "<" + link.build().toUriString() + ">; rel=\"next\"");
        }
        return answer.body(items);
    }
}
