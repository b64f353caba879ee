-- Test-only copy of the catalog.products contract (owned by search-service), with a tiny catalogue.
create schema if not exists catalog;
create table if not exists catalog.products (
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
insert into catalog.products (id, title, brand, category_path, price, currency, in_stock, language) values
    ('hp-1', 'Court shoe', 'Nike', 'Sports > Basketball > Shoes', 80.00, 'USD', true, 'en'),
    ('hp-2', 'Indoor ball', 'Spalding', 'Sports > Basketball > Balls', 30.00, 'USD', true, 'en'),
    ('hp-3', 'Kettle', 'Bosch', 'Home > Kitchen', 25.00, 'USD', true, 'en')
on conflict (id) do nothing;
