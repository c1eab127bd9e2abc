-- The disease a case reports (its form's "disease" code), so that review, search, statistics and exports work per
-- disease. Cases recorded before it was kept are given their form id without "-notification" (covid19-notification
-- -> covid19), the rule the engine applies to a form that names no disease; unclassified pages stay without one.
alter table notification_case add column disease varchar(100);
update notification_case
   set disease = case when template_id like '%-notification' and length(template_id) > 13
                      then substring(template_id, 1, length(template_id) - 13)
                      else template_id end
 where template_id is not null;
create index notification_case_disease on notification_case (disease, ward, created_at);
-- The search index learns the disease of every case it holds: each is written again through the outbox.
insert into index_outbox (case_id, operation, next_attempt_at, created_at)
select id, 'UPSERT', current_timestamp, current_timestamp from notification_case
 where state in ('CONFIRMED', 'AUTO_CONFIRMED', 'INDEXED');
