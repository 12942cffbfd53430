package com.narvark.gateway.otp;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.query.FindOtpsQuery;
import com.narvark.otp.api.query.OtpSearchView;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/otp}: the caller's OTPs, newest first, filtered, a page at a time. */
@RestController
class OtpSearchController {

    private final QueryGateway queries;

    OtpSearchController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/otp")
    ListJson search(@AuthenticationPrincipal Caller caller,
                    @RequestParam MultiValueMap<String, String> params) {
        FindOtpsQuery query = SearchRequestParser.parse(caller, params);
        OtpSearchView page = queries.query(query, OtpSearchView.class).join();
        if (!page.cursorFound()) {
            throw ApiException.invalid("starting_after", "starting_after is not an OTP of this account and "
                    + "environment");
        }
        return new ListJson("list", "/v1/otp", page.hasMore(), page.data().stream().map(OtpJson::of).toList());
    }

    record ListJson(String object, String url, boolean hasMore, List<OtpJson> data) {
    }
}
