package com.keyaccount.crm.web;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.contactlog.ContactLog;
import com.keyaccount.crm.contactlog.LogContactCommand;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.test.util.ReflectionTestUtils;

/** Signed-in users and entities with ids, as the mocked services hand them out. */
public final class Fixtures {

    public static final CrmUser MANAGER = new CrmUser(7, "zhang", "{noop}secret", "张伟", Role.ACCOUNT_MANAGER, true);
    public static final CrmUser DIRECTOR = new CrmUser(2, "li", "{noop}secret", "李娜", Role.SALES_DIRECTOR, true);

    private Fixtures() {
    }

    public static AppUser appUser(CrmUser user) {
        AppUser appUser = new AppUser(user.username(), user.passwordHash(), user.displayName(), user.role(), "EAST");
        ReflectionTestUtils.setField(appUser, "id", user.id());
        return appUser;
    }

    public static CustomerProfile profile(String name) {
        return new CustomerProfile("ACME-01", name, Industry.MANUFACTURING, Region.EAST, new BigDecimal("2500000.00"),
                120, "021-5555 0100", null, "上海市浦东新区", CustomerStatus.ACTIVE, null, false, null, null);
    }

    /** A customer of {@link #MANAGER}, saved three times so far. */
    public static Customer customer(long id, String name) {
        Customer customer = new Customer(profile(name), appUser(MANAGER), WebSliceTest.NOW);
        ReflectionTestUtils.setField(customer, "id", id);
        ReflectionTestUtils.setField(customer, "version", 3L);
        return customer;
    }

    public static ContactLog log(long id, Customer customer, String summary) {
        var command = new LogContactCommand(Channel.VISIT, WebSliceTest.NOW.minusSeconds(3600), summary, null, null,
                null, UUID.randomUUID().toString());
        ContactLog log = new ContactLog(customer, appUser(MANAGER), command, WebSliceTest.NOW);
        ReflectionTestUtils.setField(log, "id", id);
        return log;
    }
}
