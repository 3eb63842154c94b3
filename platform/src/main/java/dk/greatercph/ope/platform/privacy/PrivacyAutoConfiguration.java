package dk.greatercph.ope.platform.privacy;

import dk.greatercph.ope.platform.schema.SchemaModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The data keys' table and the sealing service, in every process (both sides read personal fields). */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    @Bean
    SchemaModule privacySchemaModule() {
        return new SchemaModule("privacy", "classpath:db/privacy");
    }

    @Bean
    @ConditionalOnMissingBean
    PersonKeys personKeys(JdbcClient jdbc, ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new JdbcPersonKeys(jdbc, transactionManager.getIfAvailable());
    }

    @Bean
    PersonalData personalData(PersonKeys keys) {
        return new PersonalData(keys);
    }

    @Bean
    PersonalDataReads personalDataReads(JdbcClient jdbc) {
        return new PersonalDataReads(jdbc);
    }

    /** Records every read request that showed personal data; runs after the security filters. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<PersonalDataReadFilter> personalDataReadFilter(PersonalDataReads reads) {
        FilterRegistrationBean<PersonalDataReadFilter> registration =
                new FilterRegistrationBean<>(new PersonalDataReadFilter(reads));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** Revision 1 of TripPlannedEvent held the leader's name in clear; it is read sealed. */
    @Bean
    @Order(100)
    TripLeaderUpcaster tripLeaderUpcaster(PersonalData personalData) {
        return new TripLeaderUpcaster(personalData);
    }

    /**
     * Revision 1 of ParticipantAddedEvent held name and title in clear in its first shape; it is read as revision 2,
     * sealed. After the trip leader's upcaster in the chain (each changed event has its own step).
     */
    @Bean
    @Order(110)
    ParticipantUpcaster participantUpcaster(PersonalData personalData) {
        return new ParticipantUpcaster(personalData);
    }
}
