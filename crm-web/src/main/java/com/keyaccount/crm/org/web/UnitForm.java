package com.keyaccount.crm.org.web;

import com.keyaccount.crm.org.UnitKind;
import lombok.Getter;
import lombok.Setter;

/**
 * A unit as the admin adds or edits it: name, the unit above it and (adding) its level. The
 * organisation's own rules check the name and place and answer beside the field.
 */
@Getter
@Setter
public class UnitForm {

    private String name;

    private Long parentId;

    private UnitKind kind;

    /** Editing: a save against an older version is a conflict, not an overwrite. */
    private long version;
}
