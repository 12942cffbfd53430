-- Issue 16: the name an account's messages give ("539839 is your Acme Shop verification code") and the language they
-- are written in when a send names none and the destination's country does not decide. NULL display_name: the
-- account's name, when it is a valid brand, names it; NULL default_locale: English.
ALTER TABLE accounts ADD COLUMN display_name VARCHAR(30);
ALTER TABLE accounts ADD COLUMN default_locale VARCHAR(16);
