-- Work is claimed through the database with leases, so several instances share one inbox and one queue:
-- a fax is read by the instance whose lease it holds; a lease its holder stops renewing (a dead instance)
-- expires and any live instance takes the work over.
alter table fax_document add column claimed_by varchar(200);
alter table fax_document add column lease_until timestamp with time zone;
-- The inbox claim a fax was received under: the same claim taken over after a crash finds its fax again,
-- while the same content sent again is a new, duplicate receipt.
alter table fax_document add column claim_id uuid;
-- What made a file suspect although it could be read (a PDF with JavaScript, embedded files, launch actions).
alter table fax_document add column warning varchar(2000);
-- An inbox entry that is not a regular file (symlink, FIFO, device, folder) has no content to hash.
alter table fax_document alter column sha256 drop not null;
create index fax_document_claim on fax_document (claim_id);

-- An inbox entry taken by one instance: the row is the claim (unique per inbox and entry), the lease says
-- how long its holder counts as alive. Deleted once the entry is recorded and out of the inbox; an entry
-- that cannot be taken or moved stays as SKIPPED so that it is looked at once, not every poll.
create table inbox_claim (
    id             uuid primary key,
    inbox          varchar(100)  not null,
    entry_key      char(64)      not null,
    received_name  varchar(1000) not null,
    size_bytes     bigint        not null,
    state          varchar(20)   not null,
    claimed_by     varchar(200)  not null,
    lease_until    timestamp with time zone not null,
    attempts       integer       not null default 0,
    last_error     varchar(2000),
    created_at     timestamp with time zone not null,
    constraint inbox_claim_entry unique (inbox, entry_key)
);
create index inbox_claim_lease on inbox_claim (state, lease_until);
