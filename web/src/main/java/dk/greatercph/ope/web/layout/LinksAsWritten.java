package dk.greatercph.ope.web.layout;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages' links are written as their templates write them: Spring Boot's {@link ResourceUrlEncodingFilter}, which
 * it registers because the WebJars' resource chain is on, is left out.
 * <p>
 * Why: that filter hands every link a page writes ({@code @{/delegations/…}}) to the resource chain, to see whether
 * it names a static file that could be given a versioned URL. For a page's own links the answer is always no, and
 * finding it out asked the class loader for a resource of that path in every jar: about 1.5 ms a link. A schedule
 * week of 1,200 entries (a busy week at the benchmark's default size) took 2.1–2.4 s to draw, four tenths of it
 * there. Nothing here uses versioned URLs: the templates name the WebJars with their versions, and the chain still
 * serves them and the static files.
 */
@Configuration(proxyBeanMethods = false)
class LinksAsWritten {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingLeftOut() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
