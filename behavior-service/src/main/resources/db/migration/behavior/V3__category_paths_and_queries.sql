-- Category funnels read the paths of the sessions restricted to a category; top queries read daily counters.
-- Both are maintained by the ingest statement like the V2 rollups; rebuild_rollups() now fills them too.

alter table behavior.session_categories
    add column steps text     not null default '',
    add column times bigint[] not null default '{}';

-- Searches per (UTC day of the event, lower-cased trimmed query).
create table behavior.query_daily (
    day          date   not null,
    query        text   not null,
    searches     bigint not null,
    zero_results bigint not null,
    primary key (day, query)
);

-- Segment-filtered top lists read a segment's events by user: the user index carries what they count, so the scan
-- is index-only.
drop index behavior.events_user_time_idx;
create index events_user_time_idx on behavior.events (user_id, occurred_at) include (type, product_id, value);

create or replace function behavior.rebuild_rollups() returns void language plpgsql as $$
begin
    truncate behavior.sessions, behavior.session_categories, behavior.kpi_daily, behavior.user_daily,
             behavior.user_activity, behavior.product_daily, behavior.user_paths, behavior.query_daily;
    insert into behavior.sessions (session_id, user_id, started_at, ended_at, events, page_views, purchases, revenue,
                                   steps, times)
    select session_id, min(user_id), min(occurred_at), max(occurred_at), count(*),
           count(*) filter (where type = 'view'), count(*) filter (where type = 'purchase'),
           coalesce(sum(value) filter (where type = 'purchase'), 0),
           string_agg(behavior.step_code(type), '' order by occurred_at, id),
           array_agg(behavior.micros(occurred_at) order by occurred_at, id)
    from behavior.events where session_id is not null group by session_id;
    update behavior.session_bounds
    set longest = coalesce((select max(ended_at - started_at) from behavior.sessions), interval '0');
    if to_regclass('catalog.products') is not null then
        insert into behavior.session_categories (session_id, category, user_id, started_at, ended_at, events,
                                                 page_views, purchases, revenue, steps, times)
        select e.session_id, c.category, min(e.user_id), min(e.occurred_at), max(e.occurred_at), count(*),
               count(*) filter (where e.type = 'view'), count(*) filter (where e.type = 'purchase'),
               coalesce(sum(e.value) filter (where e.type = 'purchase'), 0),
               string_agg(behavior.step_code(e.type), '' order by e.occurred_at, e.id),
               array_agg(behavior.micros(e.occurred_at) order by e.occurred_at, e.id)
        from behavior.events e join catalog.products p on p.id = e.product_id
             cross join lateral behavior.category_prefixes(p.category_path) c(category)
        where e.session_id is not null group by 1, 2;
    end if;
    insert into behavior.user_daily (day, user_id, sessions, page_views, duration, bounces, orders, revenue)
    select (started_at at time zone 'UTC')::date, user_id, count(*), sum(page_views),
           sum(extract(epoch from ended_at - started_at)), count(*) filter (where events = 1),
           count(*) filter (where purchases > 0), sum(revenue)
    from behavior.sessions where user_id is not null group by 1, 2;
    insert into behavior.kpi_daily (category, day, sessions, users, page_views, duration, bounces, orders, revenue)
    select '', (started_at at time zone 'UTC')::date, count(*), count(distinct user_id), sum(page_views),
           sum(extract(epoch from ended_at - started_at)), count(*) filter (where events = 1),
           count(*) filter (where purchases > 0), sum(revenue)
    from behavior.sessions group by 2
    union all
    select category, (started_at at time zone 'UTC')::date, count(*), 0, sum(page_views),
           sum(extract(epoch from ended_at - started_at)), count(*) filter (where events = 1),
           count(*) filter (where purchases > 0), sum(revenue)
    from behavior.session_categories group by 1, 2;
    insert into behavior.user_activity (user_id, days)
    select user_id, array_agg(day - date '2000-01-01' order by day) from behavior.user_daily group by user_id;
    insert into behavior.product_daily (day, product_id, views, carts, purchases, revenue)
    select (occurred_at at time zone 'UTC')::date, product_id, count(*) filter (where type = 'view'),
           count(*) filter (where type = 'add_to_cart'), count(*) filter (where type = 'purchase'),
           coalesce(sum(value) filter (where type = 'purchase'), 0)
    from behavior.events where product_id is not null group by 1, 2;
    insert into behavior.user_paths (user_id, steps, times)
    select user_id, string_agg(behavior.step_code(type), '' order by occurred_at, id),
           array_agg(behavior.micros(occurred_at) order by occurred_at, id)
    from behavior.events where user_id is not null group by user_id;
    insert into behavior.query_daily (day, query, searches, zero_results)
    select (occurred_at at time zone 'UTC')::date, lower(btrim(query)), count(*),
           count(*) filter (where result_count = 0)
    from behavior.events where type = 'search' and query is not null group by 1, 2;
end
$$;

select behavior.rebuild_rollups();
