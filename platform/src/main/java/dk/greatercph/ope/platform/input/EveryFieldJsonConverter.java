package dk.greatercph.ope.platform.input;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The strict JSON reader for request bodies, which on a refusal names every field it cannot read
 * ({@link RemainingInputErrors}), not only the first. A body that reads is read as before.
 */
final class EveryFieldJsonConverter extends JacksonJsonHttpMessageConverter {

    EveryFieldJsonConverter(JsonMapper strict) {
        super(strict);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        try {
            return super.read(type, again(input, body), hints);
        } catch (HttpMessageNotReadableException refused) {
            if (refused.getCause() instanceof JacksonException first) {
                RemainingInputErrors all = RemainingInputErrors.of(first, body,
                        getJavaType(type.getType(), null), getMapper());
                if (all != null) {
                    throw new HttpMessageNotReadableException(refused.getMessage(), all, again(input, body));
                }
            }
            throw refused;
        }
    }

    private static HttpInputMessage again(HttpInputMessage input, byte[] body) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
