-- The access form's global ceiling counts every request of the last hour, whatever the client.
CREATE INDEX access_requests_created ON access_requests (created_at);
