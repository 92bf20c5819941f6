create schema if not exists ratelimits;

-- Rate limits every node shares: one token bucket per key (the API's per token and per client address,
-- the kiosk's and the help center's per client address), kept by Bucket4j. `state` is Bucket4j's own
-- serialized bucket; `expires_at` (epoch milliseconds) is when a bucket would be full again, after
-- which its row is removed. It replaces web.api_rate_limit, which only the API used.
create table ratelimits.bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index bucket_expires on ratelimits.bucket (expires_at);
