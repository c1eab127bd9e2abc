-- Settings every instance of one installation shares. cluster-id names the installation: the shared archive and
-- error folders carry it in a marker file, so an instance started on folders of its own (not the shared mount)
-- is caught at start-up instead of archiving originals that the other instances cannot serve.
create table cluster_setting (
    name           varchar(100)  primary key,
    setting_value  varchar(1000) not null,
    updated_at     timestamp with time zone not null
);
