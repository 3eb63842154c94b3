package dk.greatercph.ope.command;

import dk.greatercph.ope.platform.schema.SchemaModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side owns its lookup tables and migrates them itself. */
@Configuration(proxyBeanMethods = false)
class CommandSchema {

    @Bean
    SchemaModule commandSchemaModule() {
        return new SchemaModule("command", "classpath:db/command");
    }
}
