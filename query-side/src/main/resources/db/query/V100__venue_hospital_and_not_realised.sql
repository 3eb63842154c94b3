-- R3 follows the venue as well as the host (ProgrammeItemAddedEvent and ProgrammeItemChangedEvent revision 2:
-- venueIsHospital). Items projected before read exactly as a replay would write them: a revision-1 event reads
-- with venueIsHospital false.
ALTER TABLE delegation_programme_item ADD COLUMN venue_is_hospital BOOLEAN NOT NULL DEFAULT FALSE;

-- The KPIs count the delegations of a year that were not realised, by how: DECLINED by the desk, CANCELLED by the
-- delegation, WITHDRAWN by the desk (DelegationWithdrawnEvent). Rows projected before take the board's status; the
-- kpi projection's own handlers write it from now on (a replay of "kpi" gives the same).
ALTER TABLE kpi_delegation ADD COLUMN not_realised VARCHAR(16);
UPDATE kpi_delegation k SET not_realised = b.status
FROM delegation_board b
WHERE b.delegation_id = k.delegation_id AND b.status IN ('DECLINED', 'CANCELLED');
