package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.platform.schema.SchemaModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data keys' table and the sealing service, in every process (both sides read personal fields). */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    @Bean
    SchemaModule privacySchemaModule() {
        return new SchemaModule("privacy", "classpath:db/privacy");
    }

    @Bean
    @ConditionalOnMissingBean
    PersonKeys personKeys(JdbcClient jdbc) {
        return new JdbcPersonKeys(jdbc);
    }

    @Bean
    PersonalData personalData(PersonKeys keys) {
        return new PersonalData(keys);
    }

    /** Revision 1 of TripPlannedEvent held the leader's name in clear; it is read sealed. */
    @Bean
    @Order(100)
    TripLeaderUpcaster tripLeaderUpcaster(PersonalData personalData) {
        return new TripLeaderUpcaster(personalData);
    }
}
