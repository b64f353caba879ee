-- micros() ran numeric arithmetic (about 3 us a call) on every event of every ingest request; the float8 epoch is
-- about 6x cheaper and gives the same integer: |epoch us| < 2^52 until the year 2112, so the product is within
-- 0.25 of the exact value and rounds to it (checked equal on 9.7M simulator events and a 2000-2100 sweep).
create or replace function behavior.micros(at timestamptz) returns bigint language sql immutable parallel safe as $$
    select (date_part('epoch', at) * 1000000)::bigint
$$;
