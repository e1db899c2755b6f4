package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import tools.jackson.databind.json.JsonMapper;

/** A whole service policy as one JSON document: read and written as one, never queried. */
final class PolicyJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyJson() {
    }

    static String write(ServicePolicy policy) {
        return JSON.writeValueAsString(policy);
    }

    static ServicePolicy read(String json) {
        return JSON.readValue(json, ServicePolicy.class);
    }
}
