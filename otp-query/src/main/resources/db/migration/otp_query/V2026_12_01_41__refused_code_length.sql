-- Issue 14: refused OTPs showed code_length 0, which no send can ask for. OtpSendRefusedEvent revision 2 records the
-- requested length; older events are upcast to the default, 6, and their rows get the same value a rebuild would.
UPDATE otp_status SET code_length = 6 WHERE status = 'refused' AND code_length = 0;
