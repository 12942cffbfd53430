-- The attempt a node last began handing to a carrier, written just before the carrier call (CarrierHandovers). When
-- that node dies before the carrier's answer is written down, the mark tells the node that takes over that the
-- carrier may have the message: it records the attempt as dispatched instead of sending the code a second time.
ALTER TABLE otp_delivery.delivery_processes ADD COLUMN handed_over_attempt INTEGER;
