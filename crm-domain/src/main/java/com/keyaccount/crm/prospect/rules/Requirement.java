package com.keyaccount.crm.prospect.rules;

/** How a stage's conditions add up: every one of them (同时满足), or any one (满足之一). */
public enum Requirement {
    ALL_OF,
    ONE_OF
}
