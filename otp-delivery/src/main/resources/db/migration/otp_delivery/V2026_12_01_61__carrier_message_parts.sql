-- A long SMS goes out as concatenated parts, each with its own carrier message id and its own receipt: one row per
-- part, numbered part of parts, and the SMS alphabet (gsm7 or ucs2; NULL for other channels). Rows written before
-- were single messages.
ALTER TABLE carrier_messages
    ADD COLUMN part     SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN parts    SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN encoding VARCHAR(8);
