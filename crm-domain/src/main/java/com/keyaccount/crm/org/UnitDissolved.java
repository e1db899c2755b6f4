package com.keyaccount.crm.org;

/**
 * A unit is being deleted: published inside the transaction so its people move up to the unit
 * above before it goes, by the class that writes users.
 */
public record UnitDissolved(long unitId, long parentId, String actor, String path, String parentPath) {
}
