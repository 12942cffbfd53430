-- OTPs pending when their expiry stopped being an Axon deadline in db-scheduler: each "otp-expiry" deadline becomes
-- an otp_expiries row (otp-command's table, created just before) due at the deadline's execution time, then the
-- deadline goes. Axon's DbSchedulerDeadlineManager wrote task_data as a Java-serialised
-- DbSchedulerBinaryDeadlineDetails: its deadline name is a serialised string (tag 0x74, length 0x000a, then
-- "otp-expiry") and its scope is the Jackson JSON of the aggregate's scope descriptor,
-- {"type":"Otp","identifier":"<otp id>"}, both plain bytes. Checked against rows the old code wrote: the id found is
-- the OTP whose OtpRequestedEvent names the row (expiryDeadlineId = task_instance), and execution_time is that
-- event's expiresAt. A row due early does no harm: the expire command waits for the OTP's own expiry. A deadline of
-- an OTP that already ended only makes the poller delete the row.
INSERT INTO otp_expiries (otp_id, expires_at)
SELECT otp_id, min(execution_time)
FROM (SELECT substring(encode(task_data, 'escape') FROM '"type":"Otp","identifier":"([^"\\]+)"') AS otp_id,
             execution_time
      FROM scheduled_tasks
      WHERE task_name = 'AxonDeadline'
        AND position(decode('74000a', 'hex') || convert_to('otp-expiry', 'UTF8') IN task_data) > 0) deadline
WHERE otp_id IS NOT NULL
GROUP BY otp_id
ON CONFLICT (otp_id) DO NOTHING;

-- Only the deadlines carried over: anything else would stay visible here rather than vanish.
DELETE FROM scheduled_tasks
WHERE task_name = 'AxonDeadline'
  AND position(decode('74000a', 'hex') || convert_to('otp-expiry', 'UTF8') IN task_data) > 0
  AND substring(encode(task_data, 'escape') FROM '"type":"Otp","identifier":"([^"\\]+)"') IS NOT NULL;
