package dk.greatercph.ope.web.audit;

import dk.greatercph.ope.web.api.Api;
import dk.greatercph.ope.web.api.ApiAnswer;
import dk.greatercph.ope.web.api.PageRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who read whose personal data (rule R9), for the auditors: every request that showed a person's fields in clear,
 * newest first, by person or reader. The person page said each read was recorded, and only the API showed the record.
 */
@Controller
class PersonalDataReadsController {

    private static final String API = "/api/audit/personal-data-reads";
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

    private final Api api;

    PersonalDataReadsController(Api api) {
        this.api = api;
    }

    /** A GET, or a POST from the page's own forms, which keep the reader's name out of the address. */
    @RequestMapping(path = "/audit/personal-data-reads", method = {RequestMethod.GET, RequestMethod.POST})
    String reads(@RequestParam(required = false) String person, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String after, Model model, HttpServletResponse response) {
        if (!api.allows(HttpMethod.GET, API)) {
            throw new PageRefused(403);
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("person", blankless(person));
        query.put("actor", blankless(actor));
        query.put("after", blankless(after));
        query.put("limit", 50);
        ApiAnswer answer = api.call(HttpMethod.GET, API, query, null, Map.of());
        if (answer.ok()) {
            model.addAttribute("reads", answer.data());
            model.addAttribute("next", next(answer.header("Link")));
        } else if (answer.status() == 400) {
            // a cursor from another list, or an id that is not one: said, with the filters kept
            response.setStatus(400);
            model.addAttribute("problem", answer.problem());
            model.addAttribute("reads", java.util.List.of());
        } else {
            answer.orRefuse();
        }
        model.addAttribute("person", person == null ? "" : person);
        model.addAttribute("actor", actor == null ? "" : actor);
        return "audit/reads";
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The next page's cursor, from the API's Link header; null on the last page. */
    private static String next(String link) {
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        return matcher.find() ? UriComponentsBuilder.fromUriString(matcher.group(1)).build().getQueryParams()
                .getFirst("after") : null;
    }
}
