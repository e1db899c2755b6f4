package com.keyaccount.crm.org;

/** A unit's name: trimmed, not blank, not over {@link OrgUnit#NAME_MAX}, no control characters. */
final class UnitNames {

    private UnitNames() {
    }

    static String check(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new OrgRefusedException(OrgRefusedException.Reason.NAME_BLANK);
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new OrgRefusedException(OrgRefusedException.Reason.NAME_INVALID);
        }
        if (clean.codePointCount(0, clean.length()) > OrgUnit.NAME_MAX) {
            throw new OrgRefusedException(OrgRefusedException.Reason.NAME_TOO_LONG);
        }
        return clean;
    }
}
