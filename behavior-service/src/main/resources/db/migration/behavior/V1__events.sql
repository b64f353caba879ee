-- Behaviour events: behavior-service is the system of record; recommend-service reads these columns as a
-- contract, incrementally by id.
create table behavior.events (
    id           bigint generated always as identity primary key,
    event_id     text        not null unique,
    type         text        not null,
    user_id      text,
    session_id   text,
    product_id   text,
    query        text,
    result_count int,
    quantity     int,
    value        numeric,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null default now(),
    properties   jsonb
);

create index events_user_time_idx on behavior.events (user_id, occurred_at);
create index events_session_idx on behavior.events (session_id, occurred_at);
create index events_time_idx on behavior.events (occurred_at);
create index events_type_time_idx on behavior.events (type, occurred_at) include (product_id, user_id);

-- One row per session, maintained in the same statement that inserts the session's new events, so the session
-- KPIs read ~10x fewer rows than the events. Only newly inserted events are added (duplicates never count).
create table behavior.sessions (
    session_id  text primary key,
    user_id     text,
    started_at  timestamptz not null,
    ended_at    timestamptz not null,
    events      int         not null,
    page_views  int         not null,
    purchases   int         not null,
    revenue     numeric     not null
);

create index sessions_start_idx on behavior.sessions (started_at) include (user_id, ended_at, events, page_views,
    purchases, revenue);
create index sessions_user_idx on behavior.sessions (user_id, started_at);

-- The latest session of each user, for server-side sessionisation of events sent without a session id.
create table behavior.user_sessions (
    user_id    text primary key,
    session_id text        not null,
    last_at    timestamptz not null
);

-- K-Means segments of the user profiles, replaced as a whole at each recomputation.
create table behavior.segments (
    id          int primary key,
    label       text        not null,
    size        int         not null,
    centroid    jsonb       not null,
    computed_at timestamptz not null
);

create table behavior.user_segments (
    user_id    text primary key,
    segment_id int not null
);
