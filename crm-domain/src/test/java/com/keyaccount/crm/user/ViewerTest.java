package com.keyaccount.crm.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerTest {

    @Test
    void an_account_manager_sees_only_customers_they_own() {
        Viewer manager = new Viewer(7, "zhang", Role.ACCOUNT_MANAGER);
        assertThat(manager.canSee(7)).isTrue();
        assertThat(manager.canSee(8)).isFalse();
        assertThat(manager.canDeleteCustomers()).isFalse();
        assertThat(manager.canReassignCustomers()).isFalse();
    }

    @Test
    void directors_and_admins_see_and_manage_every_customer() {
        for (Role role : new Role[] {Role.SALES_DIRECTOR, Role.ADMIN}) {
            Viewer viewer = new Viewer(1, "boss", role);
            assertThat(viewer.canSee(8)).isTrue();
            assertThat(viewer.canDeleteCustomers()).isTrue();
            assertThat(viewer.canReassignCustomers()).isTrue();
        }
    }
}
