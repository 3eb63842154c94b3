package dk.greatercph.ope.query;

import dk.greatercph.ope.platform.schema.SchemaModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side owns its projection tables and migrates them itself. */
@Configuration(proxyBeanMethods = false)
class QuerySchema {

    @Bean
    SchemaModule querySchemaModule() {
        return new SchemaModule("query", "classpath:db/query");
    }
}
