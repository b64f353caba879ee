-- Rollups for the analytics KPIs (issue #5), maintained by the ingest statement (EventStore) from the rows it
-- actually inserted, so they are committed with the events and a re-sent event never counts twice. See
-- docs/ARCHITECTURE.md, "Analytics rollups", for which query reads which table.

-- A step code per event type: one character per event in the funnel paths.
create function behavior.step_code(type text) returns text language sql immutable parallel safe as $$
    select case type when 'view' then 'v' when 'click' then 'c' when 'search' then 's' when 'add_to_cart' then 'a'
                     when 'remove_from_cart' then 'r' when 'purchase' then 'p' when 'rating' then 't' else 'x' end
$$;

-- Microseconds since the epoch (exact for timestamptz).
create function behavior.micros(at timestamptz) returns bigint language sql immutable parallel safe as $$
    select (extract(epoch from at) * 1000000)::bigint
$$;

-- Every prefix of a category path: 'A > B > C' gives 'A', 'A > B', 'A > B > C' (a filter on a prefix keeps the
-- path itself and its subtree).
create function behavior.category_prefixes(path text) returns setof text language sql immutable parallel safe as $$
    select array_to_string(parts[1:n], ' > ')
    from (select string_to_array(path, ' > ') as parts) p, generate_series(1, cardinality(parts)) n
$$;

-- Merges two paths (step codes + event times, each in time order) into one in time order; on equal times the
-- stored events come first (they were inserted earlier, so they have the smaller event ids).
create function behavior.merge_steps(steps text, times bigint[], more_steps text, more_times bigint[])
    returns text language sql immutable parallel safe as $$
    select string_agg(c, '' order by t, o, n) from (
        select c, t, 0 as o, n from unnest(string_to_array(steps, null), times) with ordinality a(c, t, n)
        union all
        select c, t, 1, n from unnest(string_to_array(more_steps, null), more_times) with ordinality b(c, t, n)) m
$$;

create function behavior.merge_times(times bigint[], more_times bigint[])
    returns bigint[] language sql immutable parallel safe as $$
    select array_agg(t order by t) from (select unnest(times) as t union all select unnest(more_times)) m
$$;

-- Applies a change to a sorted set of day numbers: d >= 0 adds day d, d < 0 removes day -d - 1.
create function behavior.apply_days(days int[], change int[]) returns int[] language sql immutable parallel safe as $$
    select coalesce(array_agg(d order by d), '{}') from (
        (select unnest(days) as d except select -c - 1 from unnest(change) c where c < 0)
        union select c from unnest(change) c where c >= 0) m
$$;

-- Sessions: the state before the latest update (for the rollup deltas) and the session's path for funnels.
alter table behavior.sessions
    add column prev_user_id    text,
    add column prev_started_at timestamptz,
    add column prev_ended_at   timestamptz,
    add column steps           text     not null default '',
    add column times           bigint[] not null default '{}';

create index sessions_end_idx on behavior.sessions (ended_at);

-- The longest session so far: funnels look for sessions overlapping a range from started_at >= from - longest.
create table behavior.session_bounds (
    id      int primary key check (id = 1),
    longest interval not null
);
insert into behavior.session_bounds values (1, interval '0');

-- One row per (session, category prefix): the session restricted to the events on products of that category
-- subtree (category as the catalogue had it when the event arrived). Category KPIs read it.
create table behavior.session_categories (
    session_id      text        not null,
    category        text        not null,
    user_id         text,
    started_at      timestamptz not null,
    ended_at        timestamptz not null,
    events          int         not null,
    page_views      int         not null,
    purchases       int         not null,
    revenue         numeric     not null,
    prev_user_id    text,
    prev_started_at timestamptz,
    prev_ended_at   timestamptz,
    primary key (session_id, category)
);

create index session_categories_start_idx on behavior.session_categories (category, started_at)
    include (user_id, ended_at, events, page_views, purchases, revenue);

-- Additive session sums per (category, UTC day of the session start); category '' is the whole shop. users (only
-- for category '') = users with a session starting that day.
create table behavior.kpi_daily (
    category   text    not null,
    day        date    not null,
    sessions   bigint  not null,
    users      bigint  not null,
    page_views bigint  not null,
    duration   numeric not null,
    bounces    bigint  not null,
    orders     bigint  not null,
    revenue    numeric not null,
    primary key (category, day)
);

-- The same sums per (UTC day, user) over the whole shop: segment filters join the current user -> segment map.
create table behavior.user_daily (
    day        date    not null,
    user_id    text    not null,
    sessions   int     not null,
    page_views int     not null,
    duration   numeric not null,
    bounces    int     not null,
    orders     int     not null,
    revenue    numeric not null,
    primary key (day, user_id)
);

-- Each user's days with a session start (days since 2000-01-01, sorted): distinct users of any range and the
-- retention cohorts, with width_bucket (a binary search) instead of a distinct over user-days.
create table behavior.user_activity (
    user_id text primary key,
    days    int[] not null
);

-- Events per (UTC day of the event, product): top products and categories.
create table behavior.product_daily (
    day        date    not null,
    product_id text    not null,
    views      bigint  not null,
    carts      bigint  not null,
    purchases  bigint  not null,
    revenue    numeric not null,
    primary key (day, product_id)
);

-- Each user's whole path (step codes and event times in time order) for the user-mode funnels.
create table behavior.user_paths (
    user_id text primary key,
    steps   text     not null,
    times   bigint[] not null
);

-- Rebuilds the sessions and every rollup from behavior.events in bulk: the backfill of this migration, the bulk
-- load of the analytics benchmark, and the tests' second formulation of the incremental maintenance.
create function behavior.rebuild_rollups() returns void language plpgsql as $$
begin
    truncate behavior.sessions, behavior.session_categories, behavior.kpi_daily, behavior.user_daily,
             behavior.user_activity, behavior.product_daily, behavior.user_paths;
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
                                                 page_views, purchases, revenue)
        select e.session_id, c.category, min(e.user_id), min(e.occurred_at), max(e.occurred_at), count(*),
               count(*) filter (where e.type = 'view'), count(*) filter (where e.type = 'purchase'),
               coalesce(sum(e.value) filter (where e.type = 'purchase'), 0)
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
end
$$;

select behavior.rebuild_rollups();
