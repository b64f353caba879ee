-- The catalogue: search-service is the system of record; other services read these columns as a contract.
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

create index products_category_idx on catalog.products (category_path text_pattern_ops);
create index products_brand_idx on catalog.products (brand);

-- Text embeddings keyed by a hash of the text they encode, so rebuilds only encode what changed.
create table catalog.product_embeddings (
    text_hash  text    not null,
    model      text    not null,
    vector     bytea   not null,
    created_at timestamptz not null default now(),
    primary key (text_hash, model)
);
