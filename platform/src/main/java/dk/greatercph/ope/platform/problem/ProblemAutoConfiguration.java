package dk.greatercph.ope.platform.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** Registers the one problem-details advice and the request body limit in every web process. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ErrorDispatchInstance.class})
public class ProblemAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
            @Value("${ope.http.max-body-size:256KB}") DataSize maxBodySize,
            @Value("${ope.http.max-import-size:64MB}") DataSize maxImportSize, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(maxBodySize.toBytes(), maxImportSize.toBytes(), new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // after the security headers
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestsPerAddressFilter> requestsPerAddress(
            @Value("${ope.http.max-requests-per-address:64}") int limit, JsonMapper json) {
        FilterRegistrationBean<RequestsPerAddressFilter> registration =
                new FilterRegistrationBean<>(new RequestsPerAddressFilter(limit, new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // after the security headers, before any body is read
        return registration;
    }

    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    OpenApiCustomizer problemCodesDocument() {
        return new ProblemCodesDocument();
    }
}
