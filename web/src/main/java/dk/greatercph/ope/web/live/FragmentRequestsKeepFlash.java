package dk.greatercph.ope.web.live;

import jakarta.servlet.DispatcherType;
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
 * Nor is it for the API calls a page makes while it is drawn ({@code Api} includes them in the page's request, and
 * Spring's dispatcher asks for the flash again in each). Such a call sees the page's address with its own query: the
 * outbox's reload, {@code /admin/notifications?status=FAILED&offset=}, asked the API for
 * {@code ?status=FAILED&limit=50}, which matched the flash of a retry, so the call took the flash that its htmx page
 * had been refused.
 * <p>
 * Spring's flash map manager is wrapped where it is made, so that nothing else about it changes: only a whole page's
 * own request ({@code REQUEST} dispatch, without htmx's {@code HX-Request} header) is handed the flash; every other
 * request leaves it where it is. The redirect a change answers htmx with ({@code HX-Redirect}) is followed as a whole
 * page, without that header.
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
            boolean wholePage = request.getDispatcherType() == DispatcherType.REQUEST
                    && request.getHeader("HX-Request") == null;
            return wholePage ? pages.retrieveAndUpdate(request, response) : null;
        }

        @Override
        public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
            pages.saveOutputFlashMap(flashMap, request, response);
        }
    }
}
