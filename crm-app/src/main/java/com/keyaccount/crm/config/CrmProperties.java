package com.keyaccount.crm.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone      the business time zone: dates are business dates there
 * @param demoData  seed demo users and data into an empty database; unset means "only on the
 *                  embedded H2 database"
 * @param admin     the first administrator, created on first start of an empty database
 */
@ConfigurationProperties("crm")
public record CrmProperties(ZoneId zone, Boolean demoData, Admin admin) {

    public CrmProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        admin = admin == null ? new Admin(null, null) : admin;
    }

    public record Admin(String username, String password) {

        boolean isGiven() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
