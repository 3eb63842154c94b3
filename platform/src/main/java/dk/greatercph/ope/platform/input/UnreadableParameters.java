package dk.greatercph.ope.platform.input;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tomcat could not read as a request's parameters, as the refusal it is. Tomcat reads them all at the first
 * {@code getParameter}, wherever that is: the API's parameter check, an interceptor of the pages, or a filter before
 * Spring MVC (the CSRF filter reads a posted form's token). A query string that is not percent-encoded UTF-8 is
 * refused naming the parameter; a form body it cannot read (a multipart body without its boundary, cut off, or with a
 * file name holding a NUL) is refused as an unreadable body.
 */
public final class UnreadableParameters {

    /** How Tomcat names the parameter it could not decode. */
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([A-Za-z0-9_.-]{1,64})]");

    private UnreadableParameters() {
    }

    /** The refusal for {@code failure} or one of its causes, or {@code null} when it is no such failure. */
    public static InvalidInput refusal(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof InvalidParameterException unreadable) {
                Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(unreadable.getMessage()));
                if (name.find()) {
                    return new InvalidInput(InputProblem.INVALID_TEXT, name.group(1), "is not percent-encoded UTF-8");
                }
                if (String.valueOf(unreadable.getMessage()).contains("maximum number of request parameters")) {
                    // a thousand parameters in the query were told "the body could not be read as a form"
                    return new InvalidInput(InputProblem.INVALID_PARAMETER, "query",
                            "has more parameters than a request may have");
                }
                return unreadableBody();
            }
            if (cause instanceof InvalidFileNameException) {
                return unreadableBody();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static InvalidInput unreadableBody() {
        return new InvalidInput(InputProblem.UNREADABLE_BODY, "body",
                "could not be read as a form (multipart boundary, part headers, file name or encoding)");
    }
}
