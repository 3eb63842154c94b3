package dk.greatercph.ope.web.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Danish by default, English on request: {@code ?lang=en} (or {@code da}) on any page switches and is kept in a
 * cookie for a year. Texts live in {@code pages/*.properties} (see {@link #bundles()}); a key missing in English falls back to
 * Danish, never to the server's own locale.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

    static final Locale DANISH = Locale.forLanguageTag("da");
    static final List<Locale> SUPPORTED = List.of(DANISH, Locale.ENGLISH);

    @Bean
    MessageSource messageSource() throws java.io.IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(bundles());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(DANISH);
        return messages;
    }

    /**
     * Every bundle under {@code pages/}: {@code messages} for the frame, and one per feature (e.g. {@code pages/board},
     * with {@code pages/board_en}), so that features keep their texts apart.
     */
    static String[] bundles() throws java.io.IOException {
        org.springframework.core.io.Resource[] files = new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver(PageLanguage.class.getClassLoader())
                .getResources("classpath*:pages/*.properties");
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (org.springframework.core.io.Resource file : files) {
            String name = java.util.Objects.requireNonNull(file.getFilename()).replace(".properties", "");
            names.add("pages/" + name.replaceFirst("_(en|da)$", ""));
        }
        return names.toArray(String[]::new);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ope-lang");
        resolver.setDefaultLocale(DANISH);
        // an API client's answers (bean validation's field messages) keep its own language, not the pages' Danish
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI()
                .startsWith(request.getContextPath() + "/api/") ? request.getLocale() : DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedOnly(change)).excludePathPatterns("/api/**");
    }
}
