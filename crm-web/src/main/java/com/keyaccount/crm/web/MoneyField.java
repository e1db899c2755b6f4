package com.keyaccount.crm.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field that holds money: it accepts what imports and the API accept
 * ({@code 12,500,000}, {@code ¥1,234.50}, {@code 1250万}; see {@code MoneyText}) and shows the
 * figure with thousands separators.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MoneyField {
}
