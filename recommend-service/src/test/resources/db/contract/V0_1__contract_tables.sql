-- Test-only copies of the read-only contracts recommend-service reads (docs/ARCHITECTURE.md); the owners'
-- migrations create the real tables.
create schema if not exists catalog;
create table catalog.products (
    id            text primary key,
    title         text not null,
    description   text,
    brand         text,
    category_path text,
    price         numeric(12, 2),
    currency      char(3),
    attributes    jsonb,
    in_stock      boolean not null,
    language      text,
    created_at    timestamptz,
    updated_at    timestamptz
);

create schema if not exists behavior;
create table behavior.events (
    id           bigserial primary key,
    event_id     text unique,
    type         text not null,
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
