package io.todoke.store.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A confirmed case as the ward follows it up.
 *
 * @param caseId           the case
 * @param disease          the disease code whose definition applies (the case's disease; {@link FollowUpForms#DEFAULT} when it has none)
 * @param ward             the ward whose centre follows the case up (the patient's ward, until transferred)
 * @param healthCentre     the health centre serving that ward, if centres are configured
 * @param status           a status code of the disease's definition
 * @param assignee         the user name of the nurse in charge, if any
 * @param stay             where the patient stays, from the first interview (a choice value)
 * @param observationUntil the last day of health observation, from the first interview
 * @param assignedAt       when the case was assigned to this ward
 * @param firstContactAt   when it first left the first status
 * @param closedAt         when it reached the last status (null when reopened)
 * @param patientName      the case's patient, for lists
 * @param version          optimistic-lock version; every change must present it
 */
public record FollowUp(UUID caseId, String disease, String ward, String healthCentre, String status, String assignee,
                       String stay, LocalDate observationUntil, Instant assignedAt, Instant firstContactAt,
                       Instant closedAt, String patientName, long version) {
}
