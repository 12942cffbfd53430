-- Issue 16: payloads say which language the message was written in, which brand it named and the transaction its
-- code approves. OTPs requested before have none (NULL): their messages were English and unbranded.
ALTER TABLE webhook_otps ADD COLUMN brand VARCHAR(30);
ALTER TABLE webhook_otps ADD COLUMN locale VARCHAR(16);
ALTER TABLE webhook_otps ADD COLUMN transaction JSONB;
