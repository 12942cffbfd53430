-- Issue 16: each OTP's message has a brand and a language, and a code may approve a transaction (PSD2 dynamic
-- linking). Rows of OTPs requested before have none (NULL): their messages were English and unbranded.
ALTER TABLE otp_status ADD COLUMN brand VARCHAR(30);
ALTER TABLE otp_status ADD COLUMN locale VARCHAR(16);
ALTER TABLE otp_status ADD COLUMN transaction JSONB;
