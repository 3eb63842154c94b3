package dk.greatercph.ope.platform.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This application's {@link UploadFolder}, deleted as the application closes (after the beans that use it), and
 * the servlet container's multipart parts kept in it unless {@code spring.servlet.multipart.location} names
 * another place: a part being received when the process is killed is then deleted with the folder at the next start.
 */
@AutoConfiguration
public class UploadAutoConfiguration {

    @Bean(destroyMethod = "delete")
    UploadFolder uploadFolder() {
        return UploadFolder.inTemporaryFolder();
    }

    @Bean
    static BeanPostProcessor multipartPartsInTheUploadFolder(ObjectProvider<UploadFolder> folder) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MultipartConfigElement config
                        && (config.getLocation() == null || config.getLocation().isEmpty())) {
                    return new MultipartConfigElement(folder.getObject().path().toString(), config.getMaxFileSize(),
                            config.getMaxRequestSize(), config.getFileSizeThreshold());
                }
                return bean;
            }
        };
    }

    /**
     * The servlet container makes the parts' folder again when it has gone (deleted by a cleaner of the temporary
     * folder while the application runs), as {@link UploadFolder#newFile} does for the application's own files.
     * Before, every multipart upload, the import page's among them, failed until a restart.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    static class TomcatUploadTargets {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> createUploadTargets() {
            return factory -> factory.addContextCustomizers(context -> context.setCreateUploadTargets(true));
        }
    }
}
