package com.narvark.accounts;

/** The account or key an operation names does not exist; the message names it ("no account acct_…"). */
public class AccountOrKeyNotFound extends RuntimeException {

    public AccountOrKeyNotFound(String message) {
        super(message, null, false, false);
    }
}
