package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerSpecificationsTest {

    @Test
    void like_wildcards_typed_by_a_user_match_literally() {
        assertThat(CustomerSpecifications.escapeLike("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
    }
}
