package com.keyaccount.crm.support;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerRepository;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates users and customers with unique names, so tests never depend on what else is in
 * a shared database.
 */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "secret-pw-1";

    private final AppUserRepository users;
    private final CustomerRepository customers;
    private final PasswordEncoder passwordEncoder;

    Fixtures(AppUserRepository users, CustomerRepository customers, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.customers = customers;
        this.passwordEncoder = passwordEncoder;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public AppUser user(Role role) {
        String username = unique(role.name().toLowerCase().substring(0, 3));
        return users.save(new AppUser(username, passwordEncoder.encode(PASSWORD), "测试" + username, role, "EAST"));
    }

    public Customer customer(AppUser owner, String name) {
        CustomerProfile profile = new CustomerProfile(unique("T"), name, Industry.MANUFACTURING, Region.EAST,
                new BigDecimal("1000000"), 50, "021-12345678", null, "上海市", CustomerStatus.ACTIVE, null, false,
                null, null);
        return customers.save(new Customer(profile, owner, Instant.now()));
    }

    public static CrmUser principal(AppUser user) {
        return new CrmUser(user.getId(), user.getUsername(), user.getPasswordHash(), user.getDisplayName(),
                user.getRole(), true);
    }
}
