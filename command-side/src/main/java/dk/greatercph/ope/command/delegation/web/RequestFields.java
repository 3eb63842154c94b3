package dk.greatercph.ope.command.delegation.web;

import java.time.LocalDate;

/** The fields a registration and its correction share that their rules across fields read. */
interface RequestFields {

    String originProvince();

    LocalDate wishedFrom();

    LocalDate wishedTo();

    LocalDate dateReceived();

    /** The country of origin, {@code CN} where the request leaves it out. */
    String countryOrDefault();
}
