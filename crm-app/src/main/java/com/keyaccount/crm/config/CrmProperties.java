package com.keyaccount.crm.config;

import com.keyaccount.crm.demo.DemoDataGenerator;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone      the business time zone: dates are business dates there
 * @param demoData  seed demo users and data into an empty database; unset means "only on the
 *                  embedded H2 database"
 * @param demoCustomers how many customers the demo book has (larger books for load tests)
 * @param demoOrdersPerCustomer average orders a year of a buying demo customer
 * @param admin     the first administrator, created on first start of an empty database
 */
@ConfigurationProperties("crm")
public record CrmProperties(ZoneId zone, Boolean demoData, Integer demoCustomers, Integer demoOrdersPerCustomer,
        Admin admin) {

    public CrmProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        demoCustomers = demoCustomers == null ? DemoDataGenerator.Size.DEMO.customers() : demoCustomers;
        demoOrdersPerCustomer = demoOrdersPerCustomer == null
                ? DemoDataGenerator.Size.DEMO.averageOrdersPerYear() : demoOrdersPerCustomer;
        admin = admin == null ? new Admin(null, null) : admin;
    }

    public record Admin(String username, String password) {

        boolean isGiven() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
