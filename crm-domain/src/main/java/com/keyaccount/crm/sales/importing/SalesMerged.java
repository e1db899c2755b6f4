package com.keyaccount.crm.sales.importing;

/**
 * Sales lines were written or changed ({@code sales_order}), by a file import or the ERP API:
 * published inside the merge's transaction. What follows from new orders (a prospect's first order
 * wins it, issue 17) listens for its commit, so it never sees sales that were rolled back.
 *
 * @param actor who sent the sales: the uploader, or the API token's client
 */
public record SalesMerged(String actor) {
}
