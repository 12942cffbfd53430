-- Deliveries in flight when the delivery saga gave way to the delivery process table: their state moves over (the
-- process keeps the saga's field names), with the pending timeout re-armed from now: an undispatched attempt is looked
-- at in 3 s (resent if its node is gone), a dispatched one waits the SMS receipt timeout. Then the saga's rows and its
-- scheduled deadlines go.
INSERT INTO delivery_processes (otp_id, state, due_at)
SELECT s.state ->> 'otpId',
       convert_to((s.state || jsonb_build_object('due', s.due, 'dueAt',
               to_char(s.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text, 'UTF8'),
       s.due_at
FROM (SELECT state,
             CASE WHEN (state ->> 'receipted')::boolean THEN NULL
                  WHEN (state ->> 'dispatched')::boolean THEN 'receipt' ELSE 'attempt' END AS due,
             CASE WHEN (state ->> 'receipted')::boolean THEN NULL
                  WHEN (state ->> 'dispatched')::boolean THEN now() + interval '60 seconds'
                  ELSE now() + interval '3 seconds' END AS due_at
      FROM (SELECT convert_from(serializedSaga, 'UTF8')::jsonb AS state
            FROM SagaEntry WHERE sagaType = 'com.narvark.otp.delivery.DeliverySaga') saga) s
ON CONFLICT (otp_id) DO NOTHING;

DELETE FROM scheduled_tasks WHERE position(convert_to('com.narvark.otp.delivery.DeliverySaga', 'UTF8') IN task_data) > 0;
DELETE FROM AssociationValueEntry WHERE sagaType = 'com.narvark.otp.delivery.DeliverySaga';
DELETE FROM SagaEntry WHERE sagaType = 'com.narvark.otp.delivery.DeliverySaga';
