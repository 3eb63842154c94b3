package dk.greatercph.ope.web.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * What a change's page says once (its flash: "the webhook has been subscribed", a new secret shown once) is for the
 * page the change redirects to, never for an htmx request that reloads part of a page.
 * <p>
 * Why: the lists of a page reload themselves when their view moves on ({@code hx-trigger="sse:…"}), from the same
 * address the change redirects to. A reload that reached the server after the change and before the browser followed
 * its redirect took the flash and dropped it with the rest of the page it did not select: the page then showed
 * neither what was done nor the webhook's secret, which is shown only once. Seen as an intermittent failure of
 * {@code NotificationPagesTest}; {@code NotificationFormsTest} makes the reload come first.
 * <p>
 * Spring's flash map manager is wrapped where it is made, so that nothing else about it changes: requests with htmx's
 * {@code HX-Request} header are handed no flash and leave the flash where it is. The redirect a change answers htmx
 * with ({@code HX-Redirect}) is followed as a whole page, without that header.
 */
@Configuration(proxyBeanMethods = false)
class FragmentRequestsKeepFlash {

    @Bean
    static BeanPostProcessor fragmentRequestsKeepFlashAttributes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FlashMapManager manager && DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(name)) {
                    return new PageRequestsOnly(manager);
                }
                return bean;
            }
        };
    }

    /** Hands the flash to whole pages only. */
    private record PageRequestsOnly(FlashMapManager pages) implements FlashMapManager {

        @Override
        public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
            return request.getHeader("HX-Request") != null ? null : pages.retrieveAndUpdate(request, response);
        }

        @Override
        public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
            pages.saveOutputFlashMap(flashMap, request, response);
        }
    }
}
