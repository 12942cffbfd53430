package com.narvark.accounts;

import java.util.List;

/** An access request as the form submitted it, already validated by the form. */
public record NewAccessRequest(String name, String company, String email, String volume, List<String> channels,
                               String useCase) {
}
