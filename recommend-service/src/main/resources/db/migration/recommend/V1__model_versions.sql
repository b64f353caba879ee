-- Trained model versions: metadata, validation scores and the serialised artifact.
create table recommend.model_versions (
    id               bigserial primary key,
    algorithm        text        not null,
    status           text        not null check (status in ('accepted', 'rejected')),
    created_at       timestamptz not null default now(),
    train_seconds    double precision not null,
    users            int         not null,
    items            int         not null,
    interactions     int         not null,
    last_event_id    bigint      not null,
    validation_ndcg  double precision,
    validation_hr    double precision,
    validation_users int         not null,
    params           jsonb       not null,
    artifact         bytea
);

create index model_versions_served on recommend.model_versions (status, id desc);
