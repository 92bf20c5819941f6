-- The API's rate limits are counted in ratelimits.bucket now, with the kiosk's and the help center's.
-- The buckets here only held requests of the last minute: dropping them costs a client one fresh minute.
drop table web.api_rate_limit;
