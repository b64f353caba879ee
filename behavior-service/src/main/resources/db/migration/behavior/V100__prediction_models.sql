-- Versions of the session prediction models (owned by dev.aisle.behavior.prediction): every trained version is
-- kept with its validation metrics and serialised artifact; at most one version per kind serves.
create table behavior.prediction_models (
    id                 bigint generated always as identity primary key,
    kind               text             not null check (kind in ('next_item', 'purchase')),
    model_name         text             not null,
    version            int              not null,
    created_at         timestamptz      not null default now(),
    validation_metrics jsonb            not null,
    validation_score   double precision not null,
    artifact           bytea            not null,
    serving            boolean          not null default false,
    unique (kind, version)
);

create unique index prediction_models_serving_idx on behavior.prediction_models (kind) where serving;
