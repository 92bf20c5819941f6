-- API rate limits: one token bucket per API token and per client address, kept by Bucket4j so every
-- node counts against the same buckets. `state` is Bucket4j's own serialized bucket; `expires_at`
-- (epoch milliseconds) is when a bucket would be full again, after which its row is removed.
create table web.api_rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index api_rate_limit_expires on web.api_rate_limit (expires_at);
