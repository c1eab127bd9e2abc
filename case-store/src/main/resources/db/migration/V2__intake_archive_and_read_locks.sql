-- When the original was copied into the archive: a RECEIVED fax is re-read from the archive after a crash
-- only once this is set; before that the file is still in the inbox and the pickup resumes it.
alter table fax_document add column archived_at timestamp with time zone;
-- Where the file (or a copy of it) lies in the error folder, relative to it, for the operator's retry.
alter table fax_document add column error_path varchar(1000);

-- Camel's JdbcMessageIdRepository (camel-sql): the read lock that lets several instances watch one shared
-- inbox and each file be taken by one of them. Its default DDL limits messageId to 100 characters, too short
-- for absolute file paths, so the table is created here instead.
create table camel_messageprocessed (
    processorName  varchar(255)  not null,
    messageId      varchar(1000) not null,
    createdAt      timestamp,
    primary key (processorName, messageId)
);
