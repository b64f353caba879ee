-- Deferred rollup fold. The ingest statement now inserts each newly stored event (exactly the columns its
-- `ins` CTE returns) into rollup_pending in the same statement as behavior.events, so events and pending rows
-- commit together before the acknowledgement. RollupFolder deletes pending rows in id-ordered batches and folds
-- them into behavior.sessions and the rollups with the unchanged ingest fragments, under
-- pg_advisory_xact_lock(74210007) so folds are serialised; readers fold first, so answers stay exact.
create table behavior.rollup_pending (
    id           bigint      primary key,
    type         text        not null,
    user_id      text,
    session_id   text,
    product_id   text,
    query        text,
    result_count int,
    value        numeric,
    occurred_at  timestamptz not null
);

-- rebuild_rollups() (V3) recomputes every rollup from all stored events; pending rows are then already counted,
-- so the wrapper drops them first, under the folder's lock (no fold runs concurrently).
alter function behavior.rebuild_rollups() rename to rebuild_rollups_from_events;

create function behavior.rebuild_rollups() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(74210007);
    truncate behavior.rollup_pending;
    perform behavior.rebuild_rollups_from_events();
end;
$$;
