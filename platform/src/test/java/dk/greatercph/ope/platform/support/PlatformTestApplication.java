package dk.greatercph.ope.platform.support;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The platform with nothing of either side: its auto-configurations and the endpoints its tests call. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestEndpoints.class)
public class PlatformTestApplication {

    /** Binds ticket numbers from paths, as the command side binds its typed ids. */
    @Bean
    WebMvcConfigurer ticketNumbers() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(String.class, TestEndpoints.TicketNumber.class,
                        (Converter<String, TestEndpoints.TicketNumber>) TestEndpoints.TicketNumber::fromPath);
            }
        };
    }
}
