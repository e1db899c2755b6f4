package com.keyaccount.crm.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one request and one user may ask of the server ({@code crm.limits.*}). Counted in
 * this instance's memory: with several instances behind a balancer each counts on its own, so a
 * user's share is per instance.
 *
 * @param uploadSize        the largest body of an import upload (POST /imports/customers|sales by a
 *                          signed-in director or admin): sales files run to millions of lines
 * @param bodySize          the largest body of any other request; forms are a few kilobytes
 * @param apiBodySize       the largest body of an ERP API request (10,000 orders of JSON)
 * @param concurrentPerUser expensive requests (exports, previews, the recompute, import uploads) one
 *                          user may have running at once; 0 turns the limit off
 * @param requestsPerSecond what one signed-in session may ask for, sustained; 0 turns the limit off
 * @param requestBurst      what a session may ask for at once before the sustained rate applies
 * @param apiRequestsPerSecond what one ERP API token may ask for, sustained; 0 turns the limit off
 * @param apiRequestBurst   what one API token may ask for at once before its sustained rate applies
 * @param attachmentBodySize the largest body of a form that carries photos and files (a visit, a
 *                          complaint's or a customer's files), signed in
 */
@ConfigurationProperties("crm.limits")
record RequestLimits(DataSize uploadSize, DataSize bodySize, DataSize apiBodySize, Integer concurrentPerUser,
        Double requestsPerSecond, Integer requestBurst, Double apiRequestsPerSecond, Integer apiRequestBurst,
        DataSize attachmentBodySize) {

    RequestLimits {
        uploadSize = uploadSize == null ? DataSize.ofGigabytes(1) : uploadSize;
        bodySize = bodySize == null ? DataSize.ofMegabytes(2) : bodySize;
        apiBodySize = apiBodySize == null ? DataSize.ofMegabytes(8) : apiBodySize;
        concurrentPerUser = concurrentPerUser == null ? 2 : concurrentPerUser;
        requestsPerSecond = requestsPerSecond == null ? 20.0 : requestsPerSecond;
        requestBurst = requestBurst == null ? 60 : requestBurst;
        apiRequestsPerSecond = apiRequestsPerSecond == null ? 10.0 : apiRequestsPerSecond;
        apiRequestBurst = apiRequestBurst == null ? 50 : apiRequestBurst;
        attachmentBodySize = attachmentBodySize == null ? DataSize.ofMegabytes(25) : attachmentBodySize;
    }
}
