-- Segment-filtered top products and categories: a "rollup + tail". segment_product_daily holds the per-(segment,
-- UTC day of the event, product) counters of the events with id <= segment_rollup_watermark.max_event_id, for the
-- segment map as it was when the rollup was built. It is rebuilt (rebuild_segment_product_daily) in the same
-- transaction that replaces behavior.user_segments (SegmentService), so rollup and map always match; ingestion
-- never touches it. A query sums the rollup rows of the range plus the raw events with id > the watermark of the
-- segment's users (the tail, read through the primary key). The caller must pick a watermark below which every
-- event is committed (SegmentService takes it under a brief SHARE lock on behavior.events).
create table behavior.segment_product_daily (
    segment_id int     not null,
    day        date    not null,
    product_id text    not null,
    views      bigint  not null,
    carts      bigint  not null,
    purchases  bigint  not null,
    revenue    numeric not null,
    primary key (segment_id, day, product_id)
);

create table behavior.segment_rollup_watermark (
    singleton    boolean     primary key default true check (singleton),
    max_event_id bigint      not null,
    built_at     timestamptz not null
);

create function behavior.rebuild_segment_product_daily(watermark bigint) returns void language sql as $$
    delete from behavior.segment_product_daily;
    insert into behavior.segment_product_daily (segment_id, day, product_id, views, carts, purchases, revenue)
    select u.segment_id, (e.occurred_at at time zone 'UTC')::date, e.product_id,
           count(*) filter (where e.type = 'view'), count(*) filter (where e.type = 'add_to_cart'),
           count(*) filter (where e.type = 'purchase'), coalesce(sum(e.value) filter (where e.type = 'purchase'), 0)
    from behavior.events e join behavior.user_segments u on u.user_id = e.user_id
    where e.product_id is not null and e.id <= watermark
    group by 1, 2, 3 order by 1, 2, 3;
    insert into behavior.segment_rollup_watermark (singleton, max_event_id, built_at) values (true, watermark, now())
    on conflict (singleton) do update set max_event_id = excluded.max_event_id, built_at = excluded.built_at;
$$;

-- Backfill for the current segment map. The lock waits for in-flight inserts, so every id <= max(id) is committed.
lock table behavior.events in share mode;
select behavior.rebuild_segment_product_daily((select coalesce(max(id), 0) from behavior.events));
