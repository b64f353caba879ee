-- KPIs no longer read behavior.sessions by start time (they read the rollups); session funnels do, and need only
-- the end, the user and the path: an index-only scan over this narrower index reads each session's path.
drop index behavior.sessions_start_idx;
create index sessions_start_idx on behavior.sessions (started_at) include (ended_at, user_id, steps);

drop index behavior.session_categories_start_idx;
create index session_categories_start_idx on behavior.session_categories (category, started_at)
    include (user_id, ended_at, events, page_views, purchases, revenue, steps);
