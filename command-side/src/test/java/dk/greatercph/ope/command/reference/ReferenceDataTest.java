package dk.greatercph.ope.command.reference;

import dk.greatercph.ope.command.fakes.InMemoryDirectory;
import dk.greatercph.ope.events.reference.PartnerId;
import dk.greatercph.ope.events.reference.PartnerKind;
import dk.greatercph.ope.events.reference.PartnerRegisteredEvent;
import dk.greatercph.ope.events.reference.VenueId;
import dk.greatercph.ope.events.reference.VenueKind;
import dk.greatercph.ope.events.reference.VenueRegisteredEvent;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static dk.greatercph.ope.command.refusal.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTest {

    @Test
    void registersAHospitalAsHospitalWhateverTheFlagSays() {
        InMemoryDirectory directory = new InMemoryDirectory();
        PartnerId id = new PartnerId("PRT-1");
        AggregateTestFixture<Partner> fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(directory);

        fixture.givenNoPriorActivity()
                .when(new RegisterPartnerCommand(id, " Rigshospitalet ", PartnerKind.HOSPITAL, false))
                .expectEvents(new PartnerRegisteredEvent(id, "Rigshospitalet", PartnerKind.HOSPITAL, true));
        assertThat(directory.isHospital(id)).contains(true);
    }

    @Test
    void registersACompany() {
        PartnerId id = new PartnerId("PRT-2");
        AggregateTestFixture<Partner> fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerInjectableResource(new InMemoryDirectory());

        fixture.givenNoPriorActivity()
                .when(new RegisterPartnerCommand(id, "Novo Nordisk", PartnerKind.COMPANY, false))
                .expectEvents(new PartnerRegisteredEvent(id, "Novo Nordisk", PartnerKind.COMPANY, false));
    }

    @Test
    void registersAVenue() {
        InMemoryDirectory directory = new InMemoryDirectory();
        VenueId id = new VenueId("VEN-1");
        AggregateTestFixture<Venue> fixture = new AggregateTestFixture<>(Venue.class);
        fixture.registerInjectableResource(directory);

        fixture.givenNoPriorActivity()
                .when(new RegisterVenueCommand(id, "Regionsgården", "Kongens Vænge 2, Hillerød", 40, VenueKind.OTHER))
                .expectEvents(new VenueRegisteredEvent(id, "Regionsgården", "Kongens Vænge 2, Hillerød", 40,
                        VenueKind.OTHER));
        assertThat(directory.hasVenue(id)).isTrue();
        assertThat(directory.isHospitalVenue(id)).isFalse();
    }

    @Test
    void refusesAVenueWithoutRoom() {
        AggregateTestFixture<Venue> fixture = new AggregateTestFixture<>(Venue.class);
        fixture.registerInjectableResource(new InMemoryDirectory());

        fixture.givenNoPriorActivity()
                .when(new RegisterVenueCommand(new VenueId("VEN-2"), "Broom cupboard", null, 0, VenueKind.OTHER))
                .expectException(refusedWith("INVALID_CAPACITY", ProblemKind.INVALID_INPUT))
                .expectNoEvents();
    }
}
