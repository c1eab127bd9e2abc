-- Fields a second clerk types blind before a case is confirmed (todoke.review.double-check). The first clerk's
-- values wait here, not in the case, so nothing the second clerk can open shows them; a disagreement waits for
-- a lead, who sees both entries. The audit log records each step with the field keys only.
create table double_check (
    case_id        uuid          primary key references notification_case (id),
    fields         text          not null,            -- JSON array of the field keys typed twice
    state          varchar(20)   not null,            -- SECOND, LEAD or DONE
    first_clerk    varchar(100)  not null,
    first_values   text          not null,            -- JSON object: field key -> value
    first_at       timestamp with time zone not null,
    second_clerk   varchar(100),
    second_values  text,
    second_at      timestamp with time zone,
    decided_by     varchar(100),
    decided_at     timestamp with time zone
);
create index double_check_state on double_check (state);
